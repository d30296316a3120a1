import type { PlainError } from '../lib/thread-errors.ts';
import type { BuiltSiteCheck } from '../links/check-built-site.ts';
import type { PagePath } from '../lib/urls.ts';
import type { WrittenPreviews } from './link-previews.ts';

/** What the site-pass worker is started with. */
export interface SitePassSetup {
  /** Where the build writes: Pagefind writes its index there as soon as every section page is in. */
  outDir: string;
  /** The build's cache folder (src/lib/build-dirs.ts), where the pass keeps its results between builds; none: keep nothing. */
  cacheDir?: string | undefined;
  /** About how many pages go to one Pagefind shard (src/search/pagefind-shards.ts); tests set it low. */
  pagefindPagesPerShard?: number | undefined;
  /**
   * The output folder this build will replace (the last successful build's), read only: a shard
   * whose pages change is indexed while the pages render from its pages there
   * (src/search/pagefind-speculation.ts). None: shards are indexed at the end.
   */
  previousOutDir?: string | undefined;
}

/** Main thread -> site-pass worker. */
export type ToWorker =
  | { kind: 'order'; pages: PagePath[]; keys: [PagePath, string][] }
  | { kind: 'page'; page: PagePath; bytes: Uint8Array }
  | { kind: 'finish'; outDir: string; files: string[]; env: Record<string, string | undefined> };

/** What the worker reports when it has finished: the build's search and link results. */
export interface SitePassResult {
  check: BuiltSiteCheck;
  /**
   * Pages given to Pagefind and the shards they went to; whether every shard was written before
   * the last page rendered, or restored from the last build (and how many were), how many were
   * indexed while the pages rendered (src/search/pagefind-speculation.ts); the ms waited after.
   */
  pagefind: { pages: number; shards: number; writtenEarly: boolean; restored: boolean; restoredShards: number; speculatedShards: number; waitedMs: number };
  fallback: { pages: number; bytes: number };
  /** Link-preview data scripts put in the output folder, and how many of them were linked from the last build's (src/site-pass/link-previews.ts). */
  previews: WrittenPreviews;
  /** Pages parsed as they rendered, and those read from disk at the end (any the prerenderer did not hand over). */
  readWhileRendering: number;
  readAtEnd: number;
  /** Pages Astro restored that were not read at all: made from the same `cacheKey` and code as the stored result's page (worker.ts, `madeFrom`). */
  notRead: number;
  /** Pages (of either kind) whose bytes were those of a stored result (page-cache.ts), so they were not parsed. */
  fromCache: number;
  /** Of the large pages parsed (a source page), the runs whose scan came from the page's last read, and all their runs (links/scan-runs.ts). */
  runs: { reused: number; of: number };
  /** Whether links.json, objects.inv, search-index.js and the check's report were restored from the last pass (pass-outputs.ts). */
  checkRestored: boolean;
}

/** Site-pass worker -> main thread. */
export type FromWorker = { kind: 'done'; result: SitePassResult } | { kind: 'failed'; error: PlainError };
