import type { BuiltSiteCheck } from '../links/check-built-site.ts';
import type { PagePath } from '../lib/urls.ts';

/** Main thread -> site-pass worker. */
export type ToWorker =
  | { kind: 'order'; pages: PagePath[] }
  | { kind: 'page'; page: PagePath; html: string }
  | { kind: 'finish'; outDir: string; files: string[]; env: Record<string, string | undefined> };

/** What the worker reports when it has finished: the build's search and link results. */
export interface SitePassResult {
  check: BuiltSiteCheck;
  /** Pages given to Pagefind, and the ms from `finish` to its index being written. */
  pagefind: { pages: number; ms: number };
  fallback: { pages: number; bytes: number };
  /** Pages parsed as they rendered, and those read from disk at the end (any the middleware missed). */
  readWhileRendering: number;
  readAtEnd: number;
}

/** Site-pass worker -> main thread. */
export type FromWorker = { kind: 'done'; result: SitePassResult } | { kind: 'failed'; message: string; stack?: string | undefined };
