/**
 * What every link of a built site resolves against: the site's files and each page's ids (and
 * the ids it holds more than once). A page whose own bytes and this "world" are both what the last
 * successful check saw has the same links resolving to the same places, so it has no problem now
 * either: the site pass checks only the other pages (worker.ts). The key is kept with each page's
 * result in the page cache (page-cache.ts), so the two can never come from different builds.
 */
import crypto from 'node:crypto';
import { isPagefindOutputPath, type PagePath } from '../lib/urls.ts';
import type { PageScan } from './scan-page.ts';

/** The key of the world `pages` link into, with `files` (every file of the built site; see {@link hashSiteFiles}). */
export function linkWorldKey(files: readonly string[], pages: ReadonlyMap<PagePath, PageScan>): string {
  const hash = hashSiteFiles(crypto.createHash('sha256').update('files\0'), files);
  hash.update('\0ids\0');
  for (const page of [...pages.keys()].sort()) {
    const scan = pages.get(page) as PageScan;
    hash.update(`${page}\0${[...scan.ids].join(' ')}\0${scan.duplicateIds.join(' ')}\n`);
  }
  return hash.digest('hex');
}

/**
 * Adds the site's file list to `hash`, sorted, without Pagefind's output: the pass writes that
 * before the list is taken when every section page rendered early, after it otherwise, so a cold
 * build and the warm one after it list the same files. A key made this way must not be kept when
 * a page links into Pagefind's output (worker.ts `linksIntoPagefind`).
 */
export function hashSiteFiles(hash: crypto.Hash, files: readonly string[]): crypto.Hash {
  for (const file of [...files].sort()) if (!isPagefindOutputPath(file)) hash.update(`${file}\n`);
  return hash;
}
