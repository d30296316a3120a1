/**
 * A build with SITE_URL, as a user deploying to a known address runs it: absolute URLs where a
 * reader or crawler needs them (sitemap.xml, robots.txt's Sitemap: line, citations, the 404 page,
 * which may be served at any depth) and nowhere else: every other page keeps relative links, so
 * the same dist/ still works under another prefix and from file://.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collapse, loadPage, sectionPages, siteDir, siteFiles } from '../helpers/site.ts';
import { expectSitemapAndRobots, siteBase } from '../helpers/site-url.ts';
import { buildSite, tempBuildRoot } from '../helpers/temp-build.ts';

const SITE_URL = 'https://example.org/russia-us';
const base = siteBase(SITE_URL);
const URL_ATTRIBUTES = ['href', 'src', 'action', 'poster', 'data', 'formaction'] as const;
let tmp = '';
let out = '';

beforeAll(() => {
  tmp = tempBuildRoot('site-url');
  out = path.join(tmp, 'dist');
  const { status, output } = buildSite(out, { SITE_URL, SOURCE_DATE_EPOCH: '1700000000', NO_COLOR: '1' });
  if (status !== 0) throw new Error(`the build with SITE_URL failed (exit ${status}):\n${output}`);
});
afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('a build with SITE_URL', () => {
  it('writes a sitemap of absolute URLs under the site, named in robots.txt', () => {
    expectSitemapAndRobots(out, SITE_URL);
  });

  it('cites each section by its absolute URL; the seed build (another or no SITE_URL) does not', () => {
    const sections = sectionPages(out);
    expect(sections.length).toBeGreaterThan(10);
    for (const page of sections) {
      expect(collapse(loadPage(page, out)('#cite-text').text()), page).toContain(`${base}${page}.`);
      expect(loadPage(page, siteDir())('#cite-text').text(), page).not.toContain(base);
    }
  });

  it('keeps every link and asset URL relative on every page but the 404 page (and each page\'s canonical URL, absolute by definition)', () => {
    const pages = siteFiles(['.html'], out);
    const absolute: string[] = [];
    const canonicals: string[] = [];
    let checked = 0;
    for (const page of pages) {
      const $ = loadPage(page, out);
      for (const attribute of URL_ATTRIBUTES) {
        $(`[${attribute}]`).each((_, el) => {
          const value = $(el).attr(attribute) ?? '';
          checked++;
          // A canonical URL names the page's one address: absolute, the reason SITE_URL exists.
          if (el.tagName === 'link' && $(el).attr('rel') === 'canonical') {
            canonicals.push(value);
            return;
          }
          if (value.startsWith(base) || value.startsWith('/')) absolute.push(`${page}: ${el.tagName}[${attribute}]="${value}"`);
        });
      }
    }
    expect(checked).toBeGreaterThan(1000);
    const notFound = absolute.filter((a) => a.startsWith('404.html: '));
    expect(absolute.filter((a) => !a.startsWith('404.html: '))).toEqual([]);
    expect(notFound).toContain(`404.html: a[href]="${base}index.html"`);
    expect(canonicals.length).toBeGreaterThan(50);
    for (const c of canonicals) expect(c.startsWith(base), c).toBe(true);
  });
});
