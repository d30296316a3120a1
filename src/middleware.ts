import { defineMiddleware } from 'astro:middleware';
import { siteData } from './lib/site-data.ts';
import { sectionIdPath, sectionPath } from './lib/urls.ts';
import { activePagefindFeed, feedPage, setFeedOrder } from './search/pagefind-feed.ts';

/**
 * During `astro build`, hands each rendered section page to Pagefind, which indexes it in its own
 * process while the next pages render (src/search/pagefind-feed.ts). Anywhere else (dev, other
 * pages) it passes the response through untouched.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const feed = activePagefindFeed();
  const { topic, slug } = context.params;
  if (!feed || !topic || !slug) return response;
  const html = await response.text();
  // Alias pages share the route's params but are not searchable: only pages Pagefind would index.
  if (html.includes('data-pagefind-body')) {
    setFeedOrder(feed, (await siteData()).sections.map((entry) => sectionIdPath(entry.id)));
    feedPage(feed, sectionPath(topic, slug), html);
  }
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});
