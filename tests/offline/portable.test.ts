/**
 * The built site is portable: every URL in every page is relative (so dist/ works at `/`, under
 * a sub-path and from file://), nothing comes from another origin, the CSP allows no inline
 * script, and search ships both its indexes while loading them only where needed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPage, sectionPages, siteDir, siteFiles } from '../helpers/site.ts';
import { expectSitemapAndRobots } from '../helpers/site-url.ts';

/** Attributes that hold a URL the browser follows or loads. */
const URL_ATTRIBUTES = ['href', 'src', 'action', 'poster', 'data', 'formaction'] as const;

describe('portable output', () => {
  it('has no root-absolute, protocol-relative or foreign URL in any loaded resource or internal link', () => {
    const problems: string[] = [];
    for (const file of siteFiles(['.html'])) {
      const $ = loadPage(file);
      for (const attribute of URL_ATTRIBUTES) {
        $(`[${attribute}]`).each((_, el) => {
          const value = $(el).attr(attribute) ?? '';
          const tag = 'tagName' in el ? el.tagName : '?';
          if (value.startsWith('/')) problems.push(`${file}: <${tag} ${attribute}="${value}"> is root-absolute`);
          // Only links to cited publishers may leave the site; nothing is ever loaded from elsewhere.
          const external = /^[a-z][a-z0-9+.-]*:/i.test(value) && !/^(mailto|data):/i.test(value);
          if (external && !(tag === 'a' && attribute === 'href')) problems.push(`${file}: <${tag} ${attribute}="${value}"> loads from another origin`);
        });
      }
      $('[srcset]').each((_, el) => { problems.push(`${file}: srcset="${$(el).attr('srcset')}" (unexpected: check it is relative)`); });
    }
    expect(problems).toEqual([]);
  });

  it('puts a CSP meta with no inline script allowance on every page', () => {
    for (const file of siteFiles(['.html'])) {
      const csp = loadPage(file)('meta[http-equiv="Content-Security-Policy"]').attr('content') ?? '';
      const scriptSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src')) ?? '';
      expect(scriptSrc, file).toMatch(/^script-src 'self'/);
      expect(scriptSrc, file).not.toContain("'unsafe-inline'");
      expect(csp, file).toContain("default-src 'self'");
    }
  });

  it('has no inline script except 404.html\'s link fixer, allowed by hash on that page only', () => {
    for (const file of siteFiles(['.html'])) {
      const $ = loadPage(file);
      // Data blocks (JSON, JSON-LD link previews) are not scripts: the browser never runs them.
      const inline = $('script:not([src])').filter((_, el) => !['application/json', 'application/ld+json'].includes($(el).attr('type') ?? 'text/javascript'));
      expect(inline.length, file).toBe(file === '404.html' ? 1 : 0);
      const hashes = ($('meta[http-equiv="Content-Security-Policy"]').attr('content') ?? '').match(/'sha256-[^']+'/g) ?? [];
      expect(hashes.length, file).toBe(file === '404.html' ? 1 : 0);
    }
  });

  it('loads the search script on search.html only, and never the fallback index by a tag', () => {
    for (const file of siteFiles(['.html'])) {
      const $ = loadPage(file);
      const sources = $('script[src]').map((_, el) => $(el).attr('src') ?? '').get();
      expect(sources.some((s) => s.endsWith('assets/search.js')), file).toBe(file === 'search.html');
      expect(sources.some((s) => s.endsWith('search-index.js')), file).toBe(false);
    }
  });

  it('ships the Pagefind bundle and a fallback index with every section, small enough to load from disk', () => {
    const dir = siteDir();
    expect(fs.existsSync(path.join(dir, 'pagefind', 'pagefind.js'))).toBe(true);
    const entry = JSON.parse(fs.readFileSync(path.join(dir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    const sections = sectionPages(dir);
    expect(Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0)).toBe(sections.length);

    const script = fs.readFileSync(path.join(dir, 'search-index.js'), 'utf8');
    const index = JSON.parse(script.slice(script.indexOf('{'), script.lastIndexOf('}') + 1)) as { pages: { u: string }[] };
    expect(index.pages.map((p) => p.u).sort()).toEqual([...sections].sort());
    // Budget: under 1.5 KB per section, and smaller than the sections' own HTML by far.
    const bytes = Buffer.byteLength(script);
    expect(bytes).toBeLessThan(1536 * sections.length);
    const html = sections.reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0);
    expect(bytes).toBeLessThan(html / 4);
  });

  it('writes robots.txt; a sitemap.xml of absolute URLs and its Sitemap: line only with a site URL', () => {
    // The seed build inherits SITE_URL from the test run: each branch has its own expectation.
    expectSitemapAndRobots(siteDir(), process.env.SITE_URL || undefined);
  });
});
