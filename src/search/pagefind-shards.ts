/**
 * Pagefind's index in shards, so that an edit indexes again only the shard its page is in.
 *
 * Pagefind has no incremental mode: one changed page means indexing every page again (3.3 s at
 * 1,000 sections, 17.6 s at 5,000). So a large site's section pages are split by a hash of their
 * path into a few indexes of about {@link PAGES_PER_SHARD} pages each, each written to its own
 * folder (`pagefind/`, `pagefind-1/`, …: src/lib/urls.ts) and fed, kept and restored on its own
 * (pagefind-feed.ts, pagefind-output-cache.ts). The search page loads the first and merges the
 * others (Pagefind's documented `mergeIndex`; assets/search.js reads their list from
 * `pagefind-indexes.json`), and Pagefind ranks the merged results together by score.
 *
 * A page's shard depends only on its path and the number of shards, and the number only on how
 * many pages the build has, so a clean build and a warm one make the same shards. Few shards,
 * because each costs the reader one more small download (its WebAssembly, ~60 KB, and metadata)
 * on the first search: {@link MAX_SHARDS}. Eight from 1,500 pages: with four, the shard of a
 * 5,000-section site's changed page (~1,250 pages) was still being indexed, on the core the
 * site pass shares, 2.4 s after the last page of a warm build; with eight (~625 pages) it is
 * done before it (0.15 s), for about 250 KB more on a large site's first search. A small site has
 * one, laid out as before.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { PagePath } from '../lib/urls.ts';
import { pagefindDir, pagefindIndexesPath } from '../lib/urls.ts';
import { attemptDir, removeLeftAttempts, ShardSpeculation, type LikelyInput } from './pagefind-speculation.ts';
import { closePagefind, createPagefindFeed, feedPage, finishPagefindFeed, holdPagefindFeed, setFeedOrder, startPagefindIndex, type FinishedFeed, type PagefindFeed, type PagefindInput } from './pagefind-feed.ts';

/** About this many pages go to one shard. */
export const PAGES_PER_SHARD = 250;
/** At most this many shards, whatever the size of the site. */
export const MAX_SHARDS = 8;

/** How many shards a build of `pages` pages gets: a power of two, 1 up to {@link MAX_SHARDS}. */
export function shardCount(pages: number, perShard = PAGES_PER_SHARD): number {
  let count = 1;
  while (count < MAX_SHARDS && pages >= count * 2 * perShard * 0.75) count *= 2;
  return count;
}

/** The shard of `page` among `count` (FNV-1a of its path). */
export function shardOf(page: PagePath, count: number): number {
  if (count <= 1) return 0;
  let h = 0x811c9dc5;
  for (let i = 0; i < page.length; i++) h = Math.imul(h ^ page.charCodeAt(i), 0x01000193);
  return (h >>> 0) % count;
}

/** How the shards finished, together. */
export interface FinishedShards {
  shards: (FinishedFeed & { dir: string })[];
  pages: number;
  waitedMs: number;
}

/**
 * A feed per shard, made when the page order is known (its length decides how many). Pages that
 * come before the order wait for it; with no order at all, the shards are made at the end from
 * the pages given.
 */
export class ShardedPagefind {
  readonly #outDir: string | undefined;
  readonly #perShard: number;
  #feeds: PagefindFeed[] | undefined;
  #early: [PagePath, PagefindInput | null][] = [];
  #holding = false;
  readonly #speculations = new Map<number, ShardSpeculation>();
  readonly #speculationDir: string | undefined;

  /**
   * @param speculationDir where shards indexed while the pages render write their files
   * (pagefind-speculation.ts), on the output folder's disk; none: shards are indexed only at the end
   */
  constructor(outDir: string | undefined, perShard = PAGES_PER_SHARD, speculationDir?: string) {
    this.#outDir = outDir;
    this.#perShard = perShard;
    this.#speculationDir = speculationDir;
    if (speculationDir) removeLeftAttempts(speculationDir);
  }

  /**
   * `page`'s input is not the last build's: index its shard now (pagefind-speculation.ts), from
   * each page's likely input. Once per shard; nothing without a speculation folder or an order.
   */
  speculate(page: PagePath, inputOf: (page: PagePath) => LikelyInput): void {
    const feeds = this.#feeds;
    const root = this.#speculationDir;
    if (!feeds || !root) return;
    const k = shardOf(page, feeds.length);
    const order = feeds[k]?.order;
    if (!order || this.#speculations.has(k)) return;
    // One shard gave up (its pages kept changing): so will the others; index them at the end.
    if (!this.mayStillSpeculate) return;
    this.#speculations.set(k, new ShardSpeculation(order, inputOf, (n) => attemptDir(root, k, n)));
  }

  /** Whether a shard may still be indexed while the pages render (a folder for it, and no shard gave up). */
  get mayStillSpeculate(): boolean {
    return this.#speculationDir !== undefined && [...this.#speculations.values()].every((s) => s.alive);
  }

  /** The pages in render order (see setFeedOrder); later calls are ignored. */
  order(pages: readonly PagePath[]): void {
    if (this.#feeds) return;
    const count = shardCount(pages.length, this.#perShard);
    const feeds = this.#open(count);
    feeds.forEach((feed, k) => setFeedOrder(feed, pages.filter((p) => shardOf(p, count) === k)));
    this.#replay();
  }

  /** A page's Pagefind input (null: a page Pagefind does not index), to its shard. */
  page(page: PagePath, html: PagefindInput | null): void {
    if (!this.#feeds) {
      this.#early.push([page, html]);
      return;
    }
    const k = shardOf(page, this.#feeds.length);
    feedPage(this.#feeds[k] as PagefindFeed, page, html);
    this.#speculations.get(k)?.arrived(page, html);
  }

  /** From now on pages are held until it is known which shards can be restored (holdPagefindFeed). */
  hold(): void {
    this.#holding = true;
    for (const feed of this.#feeds ?? []) holdPagefindFeed(feed);
  }

  /**
   * Finishes every shard into `outDir` (restoring those `restore` can: shard number, input hash,
   * folder), writes the list of shard folders, and closes Pagefind.
   */
  async finish(outDir: string, restore?: (shard: number, input: string, dir: string) => boolean): Promise<FinishedShards> {
    const started = Date.now();
    try {
      let feeds = this.#feeds;
      if (!feeds) {
        feeds = this.#open(shardCount(this.#early.length, this.#perShard));
        this.#replay();
      }
      const finished = await Promise.all(feeds.map(async (feed, k) => {
        const speculation = this.#speculations.get(k);
        const adopt = speculation ? (input: string, dir: string) => speculation.adopt(input, dir) : undefined;
        return { ...(await finishPagefindFeed(feed, outDir, restore ? (input, dir) => restore(k, input, dir) : undefined, adopt)), dir: feed.dir };
      }));
      const list = { indexes: feeds.map((feed) => `${feed.dir}/`) };
      fs.writeFileSync(path.join(outDir, pagefindIndexesPath()), `${JSON.stringify(list)}\n`);
      return { shards: finished, pages: finished.reduce((n, f) => n + f.pages, 0), waitedMs: Date.now() - started };
    } finally {
      // Nothing may ask Pagefind anything once it is closed (its API would start a new process),
      // and nothing of the attempts may be left pending when the worker ends.
      const speculations = [...this.#speculations.values()];
      for (const speculation of speculations) speculation.stop();
      await closePagefind();
      await Promise.all(speculations.map((speculation) => speculation.settled()));
      for (const speculation of speculations) speculation.cleanUp();
    }
  }

  #open(count: number): PagefindFeed[] {
    const feeds = Array.from({ length: count }, (_, k) => createPagefindFeed(this.#outDir, startPagefindIndex(), pagefindDir(k)));
    if (this.#holding) for (const feed of feeds) holdPagefindFeed(feed);
    this.#feeds = feeds;
    return feeds;
  }

  #replay(): void {
    const early = this.#early;
    this.#early = [];
    for (const [page, html] of early) this.page(page, html);
  }
}
