/**
 * The ONE place that makes a URL. Every page path is relative to the site root and has no
 * leading slash (`history/revolution.html`); every link written into a page is relative to that
 * page, so `dist/` works at `/`, under any sub-path, and from `file://`.
 */
import { boundedMemo } from './bounded-memo.ts';

/** A page's path from the site root, without a leading slash: `history/revolution.html`. */
export type PagePath = string & { readonly __brand: 'PagePath' };
/** A URL relative to the page it appears on: `../entities/nato.html#x`. */
export type RelativeUrl = string & { readonly __brand: 'RelativeUrl' };

const page = (path: string) => path as PagePath;

export const homePath = (): PagePath => page('index.html');
export const topicPath = (topic: string): PagePath => page(`${topic}.html`);
export const sectionPath = (topic: string, slug: string): PagePath => page(`${topic}/${slug}.html`);
/** The page of a section id `<topic>/<slug>`. */
export const sectionIdPath = (sectionId: string): PagePath => page(`${sectionId}.html`);
export const entityPath = (id: string): PagePath => page(`entities/${id}.html`);
export const entitiesIndexPath = (): PagePath => page('entities.html');
export const timelinePath = (): PagePath => page('timeline.html');
export const sourcePath = (id: string): PagePath => page(`sources/${id}.html`);
/** Whether `path` is a source's page (`sources/<id>.html`), not the list of sources. */
export const isSourcePath = (path: PagePath): boolean => path.startsWith('sources/') && path.endsWith('.html');
/** The list of sources, built when a reference has several. */
export const sourcesIndexPath = (): PagePath => page('sources.html');
/** The anchor of line `line` (1-based) on a source page: `L12`. */
export const sourceLineAnchor = (line: number): string => `L${line}`;
export const searchPath = (): PagePath => page('search.html');
/** How to read the reference: what is the source's and what is ours (src/pages/help.mdx). */
export const helpPath = (): PagePath => page('help.html');
export const notFoundPath = (): PagePath => page('404.html');
export const linksJsonPath = (): PagePath => page('links.json');
/** The JSON Schema of links.json, beside it. */
export const linksSchemaPath = (): PagePath => page('links.schema.json');
/** The Sphinx inventory (intersphinx reads it): `objects.inv`. */
export const objectsInvPath = (): PagePath => page('objects.inv');
export const sitemapPath = (): PagePath => page('sitemap.xml');
export const robotsPath = (): PagePath => page('robots.txt');
/** The link-preview data of a page, loaded on demand: `nato-stance/mh17.html` -> `previews/nato-stance/mh17.js`. */
export const previewDataPath = (path: PagePath): PagePath => page(`previews/${path.replace(/\.html$/, '')}.js`);
/** A static file under `public/`, e.g. `assets/theme.js`. */
export const assetPath = (file: string): PagePath => page(file.replace(/^\/+/, ''));

/** The folder of Pagefind's index, written by the build (src/search/pagefind-feed.ts): the first of its shards. */
export const PAGEFIND_DIR = 'pagefind';
/** The folder of Pagefind shard `shard` (src/search/pagefind-shards.ts): `pagefind`, `pagefind-1`, … */
export const pagefindDir = (shard: number): string => (shard === 0 ? PAGEFIND_DIR : `${PAGEFIND_DIR}-${shard}`);
/** The list of Pagefind's shard folders, which assets/search.js merges: `pagefind-indexes.json`. */
export const pagefindIndexesPath = (): PagePath => page(`${PAGEFIND_DIR}-indexes.json`);
const PAGEFIND_SHARD_FILE = new RegExp(`^${PAGEFIND_DIR}(-\\d+)?/`);
/** Whether `path` (from the site root) is Pagefind's output: a file of a shard's folder, or the list of shards. */
export const isPagefindOutputPath = (path: string): boolean => path === pagefindIndexesPath() || PAGEFIND_SHARD_FILE.test(path);
/** Pagefind's script in its first shard, which assets/search.js imports. */
export const pagefindScriptPath = (): PagePath => page(`${PAGEFIND_DIR}/pagefind.js`);
/** The plain-script search index for file:// (src/search/fallback-index.ts). */
export const searchIndexPath = (): PagePath => page('search-index.js');

/**
 * The page a prerendered path is written to, with `build.format: 'file'`: `/entities/nato.html`
 * and `/entities/nato` -> `entities/nato.html`, `/` -> `index.html`.
 */
export function prerenderedPagePath(pathname: string): PagePath {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    decoded = pathname;
  }
  decoded = decoded.replace(/^\/+/, '');
  if (decoded === '' || decoded.endsWith('/')) return page(`${decoded}index.html`);
  return page(decoded.endsWith('.html') ? decoded : `${decoded}.html`);
}

/** The route param Astro needs for a page path (`history/revolution.html` -> `history/revolution`). */
export const routeParam = (path: PagePath): string => path.replace(/\.html$/, '');
/** The route's folders and file name, without `.html` (`history/revolution.html` -> ['history', 'revolution']). */
export const routeSegments = (path: PagePath): string[] => routeParam(path).split('/');
/** The param of a page's file name in a `[param].astro` route (`entities/nato.html` -> 'nato'). */
export const fileParam = (path: PagePath): string => routeSegments(path).at(-1) ?? '';

/**
 * The URL of `to` (optionally with a fragment) as written on page `from`.
 *
 * @example relativeUrl('history/a.html', 'entities/nato.html', 'p1') === '../entities/nato.html#p1'
 * @example relativeUrl('history/a.html', 'history/a.html', 'p1') === '#p1'
 */
export function relativeUrl(from: PagePath, to: PagePath, fragment?: string | null): RelativeUrl {
  const hash = fragment ? `#${encodeURIComponent(fragment)}` : '';
  if (from === to && hash) return hash as RelativeUrl;
  // The path part depends on `from` only through its folder.
  const path = relativePaths(`${from.slice(0, from.lastIndexOf('/') + 1)}\0${to}`, () => relativePath(from, to));
  return `${path}${hash}` as RelativeUrl;
}

/**
 * The last relative paths made, by the folder of the page they are written on and the page they
 * lead to: a page links a few pages many times (the 5,000-section source page links 5,000 section
 * pages 200,000 times), and every page of the site is made of such links.
 */
const relativePaths = boundedMemo<string>(50_000);

function relativePath(from: PagePath, to: PagePath): string {
  const fromDirs = from.split('/').slice(0, -1);
  const toParts = to.split('/');
  let shared = 0;
  while (shared < fromDirs.length && shared < toParts.length - 1 && fromDirs[shared] === toParts[shared]) shared++;
  const up = fromDirs.length - shared;
  const rest = toParts.slice(shared).map(encodeURIComponent).join('/');
  return `${'../'.repeat(up)}${rest}`;
}

/** The search page's results for `query`, as written on page `from`: `../search.html?q=Russia`. */
export function searchUrl(from: PagePath, query: string): RelativeUrl {
  return `${relativeUrl(from, searchPath())}?q=${encodeURIComponent(query)}` as RelativeUrl;
}

/**
 * The last paths resolved, by the folder of the page a URL is on and the URL's path: a built
 * page's links mostly repeat a few paths with different fragments (a source page at 5,000
 * sections holds 200,000 links to 5,000 pages), and the checks resolve every one.
 */
const resolvedPaths = boundedMemo<PagePath>(50_000);

/** Resolve a relative URL written on page `from` back to a page path and fragment (for link checks). */
export function resolveUrl(from: PagePath, href: string): { path: PagePath; fragment: string | null } {
  const [pathPart = '', ...hashParts] = href.split('#');
  const fragment = hashParts.length ? decodeURIComponent(hashParts.join('#')) : null;
  const withoutQuery = pathPart.split('?')[0] ?? '';
  if (withoutQuery === '') return { path: from, fragment };
  // The result depends on `from` only through its folder (and not at all for a path from the root).
  const key = `${withoutQuery.startsWith('/') ? '' : from.slice(0, from.lastIndexOf('/') + 1)}\0${withoutQuery}`;
  return { path: resolvedPaths(key, () => resolvePath(from, withoutQuery)), fragment };
}

function resolvePath(from: PagePath, withoutQuery: string): PagePath {
  const parts = withoutQuery.startsWith('/') ? [] : from.split('/').slice(0, -1);
  for (const segment of withoutQuery.replace(/^\/+/, '').split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.' && segment !== '') parts.push(decodeURIComponent(segment));
  }
  let path = parts.join('/');
  if (path === '' || withoutQuery.endsWith('/')) path = `${path}${path ? '/' : ''}index.html`;
  return page(path);
}

/**
 * A URL from the site root, as published in objects.inv and links.json aliases:
 * `history/a.html#p-1`. Readers join it to wherever the site is served.
 */
export function rootUrl(path: PagePath, fragment?: string | null): string {
  return `${path}${fragment ? `#${encodeURIComponent(fragment)}` : ''}`;
}

/** An absolute URL on the deployed site, for sitemap and citations, when a site URL is configured. */
export function absoluteUrl(site: string, path: PagePath, fragment?: string | null): string {
  const base = site.endsWith('/') ? site : `${site}/`;
  return `${base}${path}${fragment ? `#${encodeURIComponent(fragment)}` : ''}`;
}

/**
 * The page path and fragment of an absolute URL on the deployed site at `site`, or null when the
 * URL is elsewhere. A folder URL means its `index.html`; the query is ignored.
 *
 * @example pathOnSite('https://x.org/ref/', 'https://x.org/ref/history/a.html#p-1') // { path: 'history/a.html', fragment: 'p-1' }
 */
export function pathOnSite(site: string, url: string): { path: PagePath; fragment: string | null } | null {
  const base = site.endsWith('/') ? site : `${site}/`;
  let parsed: URL;
  let root: URL;
  try {
    parsed = new URL(url);
    root = new URL(base);
  } catch {
    return null;
  }
  if (parsed.origin !== root.origin || !parsed.pathname.startsWith(root.pathname)) return null;
  const rest = parsed.pathname.slice(root.pathname.length);
  return resolveUrl(homePath(), `${rest || './'}${parsed.hash}`);
}
