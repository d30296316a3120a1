import type { APIRoute } from 'astro';
import { robotsTxt } from '../seo/sitemap.ts';
import { absoluteUrl, sitemapPath } from '../lib/urls.ts';

/** robots.txt; it names sitemap.xml when SITE_URL is set (the sitemap needs absolute URLs). */
export const GET: APIRoute = ({ site }) =>
  new Response(robotsTxt(site ? absoluteUrl(site.href, sitemapPath()) : undefined), {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
