/** sitemap.xml and robots.txt text. */
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { robotsTxt, sitemapXml } from '../../src/seo/sitemap.ts';
import { homePath, sectionPath } from '../../src/lib/urls.ts';

describe('sitemap and robots', () => {
  it('lists absolute URLs under the site, escaped as XML', () => {
    const xml = sitemapXml('https://example.org/docs', [homePath(), sectionPath('history', 'a&b')]);
    const $ = cheerio.load(xml, { xml: true });
    expect($('urlset').attr('xmlns')).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect($('url > loc').map((_, el) => $(el).text()).get()).toEqual([
      'https://example.org/docs/index.html',
      'https://example.org/docs/history/a&b.html',
    ]);
  });

  it('names the sitemap in robots.txt only when there is one', () => {
    expect(robotsTxt('https://example.org/sitemap.xml')).toContain('Sitemap: https://example.org/sitemap.xml');
    expect(robotsTxt(undefined)).not.toContain('Sitemap');
  });
});
