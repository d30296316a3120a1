/**
 * The site pass's result per page (what {@link readPage} gives), kept between builds in the
 * build's own cache folder (`buildDirs().cacheDir`), keyed by the page's path and a hash of its
 * bytes. An incremental build copies most pages unchanged from the build before; for those the
 * pass hashes the bytes and takes the stored result instead of parsing the page again.
 *
 * The file is written whole (temp file + rename) at the end of a successful pass and holds only
 * that build's pages. A missing, unreadable or foreign file (another format, or results made by
 * other reader code or other packages) is a miss for every page, never an error.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { writeFileAtomic } from '../lib/atomic-file.ts';
import { codeDigest } from '../lib/code-digest.ts';
import type { PagePath } from '../lib/urls.ts';
import { readPage, type ReadPage } from './read-page.ts';

/** One page's stored result, and the hash of the bytes it was read from. */
export interface CachedPage {
  hash: string;
  read: ReadPage;
}

export type PageCache = Map<PagePath, CachedPage>;

/** The cache's file in a build's cache folder. */
export const pageCacheFile = (cacheDir: string): string => path.join(cacheDir, 'site-pass', 'pages.v8');

/** The hash a page's stored result is keyed by. */
export const pageHash = (bytes: Uint8Array): string => crypto.createHash('sha256').update(bytes).digest('base64');

const utf8 = new TextDecoder();

/**
 * The result for a page's bytes: the stored one when `stored` has it for the same bytes (a hit,
 * not parsed, not even decoded), else a fresh {@link readPage} (with the text it decoded).
 * Either way with the hash to keep it under.
 */
export function readCached(stored: PageCache, page: PagePath, bytes: Uint8Array): { cached: CachedPage; hit: boolean; html?: string } {
  const hash = pageHash(bytes);
  const before = stored.get(page);
  if (before?.hash === hash) return { cached: before, hit: true };
  const html = utf8.decode(bytes);
  return { cached: { hash, read: readPage(page, html) }, hit: false, html };
}

/** Whether `kept` holds exactly the results `stored` holds (then there is nothing to write). */
export function sameResults(stored: PageCache, kept: PageCache): boolean {
  if (stored.size !== kept.size) return false;
  for (const [page, { hash }] of kept) if (stored.get(page)?.hash !== hash) return false;
  return true;
}

/** Bumped when the file's shape changes. */
const FORMAT = 4;
let codeVersion: string | undefined;

/**
 * The version results are valid for: the file format, the code that reads a page (the readers
 * and their helpers, this file) and the lock file (htmlparser2's version).
 */
export function readerVersion(): string {
  codeVersion ??= codeDigest(`format ${FORMAT}`, [
    'site-pass/read-page.ts',
    'site-pass/page-cache.ts',
    'site-pass/link-previews.ts',
    'links/scan-page.ts',
    'search/fallback-index.ts',
    'search/pagefind-input.ts',
    'lib/html-pass.ts',
    'lib/text.ts',
    '../package-lock.json',
  ]);
  return codeVersion;
}

interface CacheFile {
  version: string;
  pages: PageCache;
}

/** The stored results, or none when the file is missing, unreadable or of another version. */
export function loadPageCache(file: string, version: string = readerVersion()): PageCache {
  try {
    const data = v8.deserialize(fs.readFileSync(file)) as Partial<CacheFile> | null;
    if (data && typeof data === 'object' && data.version === version && data.pages instanceof Map) return data.pages;
  } catch {
    // Missing or unreadable: a miss for every page.
  }
  return new Map();
}

/** Replaces the stored results with `pages` (whole or not at all). */
export function savePageCache(file: string, pages: PageCache, version: string = readerVersion()): void {
  writeFileAtomic(file, v8.serialize({ version, pages } satisfies CacheFile));
}
