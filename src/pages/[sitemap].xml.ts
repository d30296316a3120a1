/**
 * sitemap.xml, built only when SITE_URL is set: a sitemap must hold absolute URLs. The route is
 * dynamic so that getStaticPaths can return nothing (no file) when there is no site URL.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteData } from '../lib/site-data.ts';
import { TOPIC_IDS } from '../schemas/topic.ts';
import { sitemapXml } from '../seo/sitemap.ts';
import {
  entitiesIndexPath, entityPath, homePath, searchPath, sectionIdPath, sitemapPath, sourcePath, timelinePath, topicPath,
} from '../lib/urls.ts';

export const getStaticPaths = (() =>
  import.meta.env.SITE ? [{ params: { sitemap: sitemapPath().replace(/\.xml$/, '') } }] : []) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ site }) => {
  if (!site) throw new Error('sitemap.xml needs SITE_URL (astro.config.mjs `site`) to be set.');
  const data = await siteData();
  const pages = [
    homePath(),
    ...TOPIC_IDS.map(topicPath),
    ...data.sections.map((s) => sectionIdPath(s.id)),
    entitiesIndexPath(),
    ...data.entities.map((e) => entityPath(e.id)),
    timelinePath(),
    ...data.sources.map((s) => sourcePath(s.id)),
    searchPath(),
  ];
  return new Response(sitemapXml(site.href, pages), { headers: { 'content-type': 'application/xml; charset=utf-8' } });
};
