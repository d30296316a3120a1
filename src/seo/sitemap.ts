/**
 * sitemap.xml and robots.txt, as text. A sitemap needs absolute URLs, so it exists only when a
 * site URL is configured (SITE_URL); robots.txt always exists and names the sitemap when it does.
 */
import { absoluteUrl, type PagePath } from '../lib/urls.ts';

/** Escapes text for XML character data. */
function xmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A sitemap (sitemaps.org 0.9) listing `pages` on `site`, one `<url>` each, in the order given. */
export function sitemapXml(site: string, pages: readonly PagePath[]): string {
  const urls = pages.map((p) => `  <url><loc>${xmlText(absoluteUrl(site, p))}</loc></url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

/** robots.txt: everything may be crawled; the sitemap named when there is one. */
export function robotsTxt(sitemapUrl: string | undefined): string {
  return `User-agent: *\nAllow: /\n${sitemapUrl ? `\nSitemap: ${sitemapUrl}\n` : ''}`;
}
