/**
 * previews/<page>.js: the link-preview data of one section or entity page, a small script that
 * assets/preview-loader.js loads on the reader's first hover or focus of a link (see
 * src/lib/previews.ts for why a script per page). Pages that link to nothing previewable get none.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteData } from '../../lib/site-data.ts';
import { propsKey } from '../../lib/page-keys.ts';
import { previewScript, type Preview } from '../../lib/previews.ts';
import { entityPreviews, sectionPreviews } from '../../lib/page-previews.ts';
import { entityPath, previewDataPath, sectionIdPath, type PagePath } from '../../lib/urls.ts';

export const getStaticPaths = (async () => {
  const data = await siteData();
  const pages: { path: PagePath; previews: Preview[] }[] = [
    ...data.sections.map((s) => ({ path: sectionIdPath(s.id), previews: sectionPreviews(data, s) })),
    ...data.entities.map((e) => ({ path: entityPath(e.id), previews: entityPreviews(data, e) })),
  ];
  return pages
    .filter((p) => p.previews.length > 0)
    .map((p) => ({ params: { page: previewDataPath(p.path).replace(/^previews\//, '').replace(/\.js$/, '') }, props: { previews: p.previews }, cacheKey: propsKey(data, p.previews) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ previews: Preview[] }> = ({ props }) =>
  new Response(previewScript(props.previews), { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
