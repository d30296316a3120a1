/**
 * The site pass's result per page (what {@link readPage} gives), kept between builds in the
 * build's own cache folder (`buildDirs().cacheDir`), keyed by the page's path and a hash of its
 * bytes. An incremental build copies most pages unchanged from the build before; for those the
 * pass hashes the bytes and takes the stored result instead of parsing the page again.
 *
 * The results are kept in parts: each page belongs to one of {@link PARTS} files by a hash of its
 * path, and at the end of a successful pass only the parts whose pages or bytes changed are
 * written again (temp file + rename each), so an edit to one section rewrites a few megabytes
 * instead of the whole 110 MB of a 5,000-section site. Together the parts hold only that build's
 * pages. Every result is keyed by its page's bytes, so parts written by different builds (one
 * stopped while saving) mix safely: a result is used only for the very bytes it was read from.
 * A missing, unreadable or foreign part (another format, or results made by other reader code or
 * other packages) is a miss for its pages, never an error.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { writeFileAtomic } from '../lib/atomic-file.ts';
import { codeDigest } from '../lib/code-digest.ts';
import type { PagePath } from '../lib/urls.ts';
import { readPageReusing, type ReadPage } from './read-page.ts';

/** One page's stored result, and the hash of the bytes it was read from. */
export interface CachedPage {
  hash: string;
  read: ReadPage;
  /**
   * When loaded: the link world (links/link-world.ts) of the passing check that kept it, which
   * saw this page's links resolve. Kept once per part, not per result.
   */
  world?: string | undefined;
  /**
   * What the page was made from when Astro may restore it instead of rendering it: the code and
   * its `cacheKey` (worker.ts, `madeFrom`); undefined for a page always rendered.
   */
  made?: string | undefined;
}

export type PageCache = Map<PagePath, CachedPage>;

/** The cache's folder (its parts) in a build's cache folder. */
export const pageCacheDir = (cacheDir: string): string => path.join(cacheDir, 'site-pass', 'pages');

/** The single file the cache was before it came in parts; removed by the first save. */
const WHOLE_FILE = 'pages.v8';

/** How many parts the results are spread over. */
export const PARTS = 64;

/** The part a page's result is kept in. */
export const partOf = (page: PagePath): number => crypto.createHash('sha1').update(page).digest().readUInt16BE(0) % PARTS;

const partFile = (dir: string, part: number): string => path.join(dir, `${String(part).padStart(2, '0')}.v8`);

/** The hash a page's stored result is keyed by. */
export const pageHash = (bytes: Uint8Array): string => crypto.createHash('sha256').update(bytes).digest('base64');

const utf8 = new TextDecoder();

/**
 * The result for a page's bytes: the stored one when `stored` has it for the same bytes (a hit,
 * not parsed, not even decoded), else a fresh {@link readPage} (with the text it decoded), which
 * may reuse parts of the stored one for other bytes of the same page (a large page's runs).
 * Either way with the hash to keep it under.
 */
export function readCached(stored: PageCache, page: PagePath, bytes: Uint8Array): { cached: CachedPage; hit: boolean; html?: string; runsReused: number } {
  const hash = pageHash(bytes);
  const before = stored.get(page);
  if (before?.hash === hash) return { cached: before, hit: true, runsReused: 0 };
  const html = utf8.decode(bytes);
  const { read, runsReused } = readPageReusing(page, html, before?.read);
  return { cached: { hash, read }, hit: false, html, runsReused };
}

/** Bumped when the files' shape changes. */
const FORMAT = 8;
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
    'links/scan-runs.ts',
    'search/fallback-index.ts',
    'search/pagefind-input.ts',
    'lib/html-pass.ts',
    'lib/text.ts',
    '../package-lock.json',
  ]);
  return codeVersion;
}

interface PartFile {
  version: string;
  part: number;
  pages: PageCache;
  world: string | undefined;
}

/** The stored results of every part there is; a part missing, unreadable or of another version has none. */
export function loadPageCache(dir: string, version: string = readerVersion()): PageCache {
  const pages: PageCache = new Map();
  for (let part = 0; part < PARTS; part++) {
    for (const [page, result] of loadPart(dir, part, version)) pages.set(page, result);
  }
  return pages;
}

function loadPart(dir: string, part: number, version: string): PageCache {
  try {
    const data = v8.deserialize(fs.readFileSync(partFile(dir, part))) as Partial<PartFile> | null;
    if (data && typeof data === 'object' && data.version === version && data.part === part && data.pages instanceof Map) {
      const world = typeof data.world === 'string' ? data.world : undefined;
      for (const result of data.pages.values()) result.world = world;
      return data.pages;
    }
  } catch {
    // Missing or unreadable: a miss for its pages.
  }
  return new Map();
}

/**
 * Makes the stored results `pages`, kept by a passing check that saw the link world `world`:
 * writes the parts whose results or world differ from `stored` (what {@link loadPageCache} gave,
 * by default nothing, so every part is written) and removes the parts no page belongs to any
 * more. Returns how many parts it wrote.
 */
export function savePageCache(dir: string, pages: PageCache, version: string = readerVersion(), stored: PageCache = new Map(), world?: string): number {
  const now = byPart(pages);
  const before = byPart(stored);
  let written = 0;
  for (let part = 0; part < PARTS; part++) {
    const results = now.get(part);
    if (!results) {
      fs.rmSync(partFile(dir, part), { force: true });
      continue;
    }
    if (sameResults(before.get(part), results, world)) continue;
    const plain: PageCache = new Map([...results].map(([page, { hash, read, made }]) => [page, { hash, read, made }]));
    writeFileAtomic(partFile(dir, part), v8.serialize({ version, part, pages: plain, world } satisfies PartFile));
    written++;
  }
  fs.rmSync(path.join(path.dirname(dir), WHOLE_FILE), { force: true });
  return written;
}

function byPart(pages: PageCache): Map<number, PageCache> {
  const parts = new Map<number, PageCache>();
  for (const [page, result] of pages) {
    const part = partOf(page);
    let results = parts.get(part);
    if (!results) parts.set(part, (results = new Map()));
    results.set(page, result);
  }
  return parts;
}

/** Whether `kept` holds exactly the results `stored` holds, kept with the same world (then there is nothing to write). */
function sameResults(stored: PageCache | undefined, kept: PageCache, world: string | undefined): boolean {
  if (stored?.size !== kept.size) return false;
  for (const [page, { hash, made }] of kept) {
    const before = stored.get(page);
    if (before?.hash !== hash || before.world !== world || before.made !== made) return false;
  }
  return true;
}
