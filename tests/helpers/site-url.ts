import fs from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { expect } from 'vitest';
import { sectionPages } from './site.ts';

/** `SITE_URL` with one trailing slash, as every absolute URL of the site starts. */
export const siteBase = (siteUrl: string): string => (siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`);

/**
 * What a build of `dir` must hold for its site URL: with one, a sitemap.xml of absolute URLs under
 * it (the home page and every section page among them) and robots.txt naming that sitemap; without
 * one, no sitemap and no `Sitemap:` line (relative URLs have no place there).
 */
export function expectSitemapAndRobots(dir: string, siteUrl: string | undefined): void {
  const robots = fs.readFileSync(path.join(dir, 'robots.txt'), 'utf8').split('\n');
  expect(robots).toContain('User-agent: *');
  const sitemapLines = robots.filter((line) => line.startsWith('Sitemap:'));
  const sitemap = path.join(dir, 'sitemap.xml');
  if (!siteUrl) {
    expect(sitemapLines).toEqual([]);
    expect(fs.existsSync(sitemap)).toBe(false);
    return;
  }
  const base = siteBase(siteUrl);
  expect(sitemapLines).toEqual([`Sitemap: ${base}sitemap.xml`]);
  const $ = cheerio.load(fs.readFileSync(sitemap, 'utf8'), { xml: true });
  const locs = $('urlset > url > loc').map((_, el) => $(el).text()).get();
  for (const loc of locs) expect(loc.startsWith(base), loc).toBe(true);
  expect(locs).toEqual(expect.arrayContaining([`${base}index.html`, ...sectionPages(dir).map((p) => `${base}${p}`)]));
}
