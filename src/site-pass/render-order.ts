/**
 * The order the prerenderer (prerenderer.ts) hands Astro the static paths in. Every order builds
 * the same site: Astro renders or reuses each path alike, and Pagefind adds pages in the canonical
 * order whatever renders first (the site pass is told it apart). The order only decides what the
 * two cores do when:
 *
 * - canonical: every page but the source pages, then the source pages. A source page is its
 *   source's whole text, line by line (58 MB of HTML at 5,000 sections), and holds the main thread
 *   for seconds; a cold build renders everything anyway.
 * - after an edit, with the `cacheKey` of every path in the last build: the paths whose key
 *   changed first (Astro renders those; the rest it copies from its cache), the source pages among
 *   them last of those. So a changed section page starts its Pagefind shard at once
 *   (src/search/pagefind-speculation.ts), the source page renders next, and the site pass parses
 *   it in its worker while Astro copies the thousands of unchanged pages, instead of after them.
 *
 * The keys are Astro's own `cacheKey`s (documented on `PathWithRoute`); a key missing or stale in
 * the record costs only time, never a different page.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { PathWithRoute } from 'astro';
import { writeFileAtomic } from '../lib/atomic-file.ts';
import { isSourcePath, prerenderedPagePath } from '../lib/urls.ts';

const isSource = (p: PathWithRoute): boolean => p.route.type === 'page' && isSourcePath(prerenderedPagePath(p.pathname));

/** The same paths, every page but the source pages first: the order Pagefind adds pages in. */
export function canonicalOrder(paths: readonly PathWithRoute[]): PathWithRoute[] {
  return [...paths.filter((p) => !isSource(p)), ...paths.filter(isSource)];
}

/**
 * The paths to render in: with `last` (pathname -> the key it had in the last build), those whose
 * key is new or changed first, source pages last among them, then the rest; without, canonical.
 */
export function renderOrder(paths: readonly PathWithRoute[], last?: ReadonlyMap<string, string>): PathWithRoute[] {
  const canonical = canonicalOrder(paths);
  if (!last) return canonical;
  const changed = (p: PathWithRoute) => p.cacheKey === undefined || last.get(p.pathname) !== p.cacheKey;
  return [...canonical.filter((p) => changed(p) && !isSource(p)), ...canonical.filter((p) => changed(p) && isSource(p)), ...canonical.filter((p) => !changed(p))];
}

/** Where a build records its paths' keys, in its cache folder. */
export const renderKeysFile = (cacheDir: string): string => path.join(cacheDir, 'site-pass', 'render-keys.json');

/** The keys recorded in `file` by {@link recordKeys}; none when it is missing or not such a record. */
export function readKeys(file: string): Map<string, string> | undefined {
  try {
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
    if (!Array.isArray(data) || !data.every((e) => Array.isArray(e) && e.length === 2 && typeof e[0] === 'string' && typeof e[1] === 'string')) return undefined;
    return new Map(data as [string, string][]);
  } catch {
    return undefined;
  }
}

/** Records each path's key in `file`, for the next build's {@link renderOrder}. */
export function recordKeys(file: string, paths: readonly PathWithRoute[]): void {
  writeFileAtomic(file, JSON.stringify(paths.flatMap((p) => (p.cacheKey === undefined ? [] : [[p.pathname, p.cacheKey]]))));
}
