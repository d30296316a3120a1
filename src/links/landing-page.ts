import { resolveUrl, type PagePath } from '../lib/urls.ts';
import type { PageScan } from './scan-page.ts';
import type { SiteScan } from './scan-site.ts';

/** Alias pages may point at alias pages; more hops than this is a loop. */
const MAX_HOPS = 5;

/**
 * The page a reader ends up on when opening `path`: the page itself, or, for an alias page (one
 * with a meta refresh), the page it sends them to. Null when there is no such HTML page.
 */
export function landingPage(site: SiteScan, path: PagePath): { path: PagePath; page: PageScan } | null {
  let current = path;
  for (let hop = 0; hop <= MAX_HOPS; hop++) {
    const page = site.pages.get(current);
    if (!page) return null;
    if (page.refresh === null) return { path: current, page };
    current = resolveUrl(current, page.refresh).path;
  }
  return null;
}
