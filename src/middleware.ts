import { defineMiddleware } from 'astro:middleware';
import { siteData } from './lib/site-data.ts';
import { builtPagePath, sectionIdPath } from './lib/urls.ts';
import { activeSitePass } from './site-pass/handle.ts';

/**
 * During `astro build`, gives each rendered HTML page to the site pass (src/site-pass/handle.ts),
 * which reads it in a worker thread for search and the link checks while the next pages render.
 * Anywhere else (dev, or nothing to read) it passes the response through untouched.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const pass = activeSitePass();
  if (!pass || !response.headers.get('content-type')?.startsWith('text/html')) return response;
  await pass.order(async () => (await siteData()).sections.map((entry) => sectionIdPath(entry.id)));
  const html = await response.text();
  pass.page(builtPagePath(context.url.pathname), html);
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});

