/**
 * Pagefind, fed while the pages render.
 *
 * Astro renders pages on one thread; Pagefind indexes in a process of its own. Reading the built
 * pages only after the last one is written would leave the second core idle while pages render
 * and add all of Pagefind's time to the build's (12.5 s of 71 s at 5,000 sections). So the site
 * pass (src/site-pass/) opens a feed when the build starts ({@link createPagefindFeed}) and gives it
 * each page as soon as it has rendered ({@link feedPage}); Pagefind indexes those with a search
 * body. Once every page in the order is in, Pagefind writes its index while the rest render;
 * {@link finishPagefindFeed} only checks that nothing came later.
 *
 * Pagefind numbers pages in the order they are added, so pages go to it in one fixed order, the
 * order of the build's static paths; a page that comes early waits for the ones before it, and a
 * page an incremental build reuses (read from disk at the end) takes its place in that order. Two
 * builds of the same content give the same index, whatever was rendered or reused.
 *
 * The feed also hashes what it adds, in that order ({@link PagefindFeed.input}). When the build
 * is done the site pass holds the pages still to add ({@link holdPagefindFeed}); if the hash of
 * the whole input is the last successful build's, {@link finishPagefindFeed} restores that build's
 * output (src/search/pagefind-output-cache.ts) instead of indexing again, else it adds the held
 * pages and writes as before.
 */
import crypto from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import type { PagefindIndex } from 'pagefind';
import type { PagePath } from '../lib/urls.ts';
import { PAGEFIND_DIR } from '../lib/urls.ts';
import { EXCLUDED_SELECTORS } from './fallback-index.ts';

export interface PagefindFeed {
  index: Promise<PagefindIndex>;
  /** Pages in the order they go to Pagefind, once known; and each page's place in it. */
  order: PagePath[] | undefined;
  place: Map<PagePath, number>;
  /** The place of the next page Pagefind gets. */
  next: number;
  /** Rendered pages waiting for an earlier one, by place (input null: a page Pagefind does not index). */
  waiting: Map<number, { page: PagePath; input: PagefindInput | null }>;
  /** Pages outside the known order: added last, by path. */
  unplaced: Map<PagePath, PagefindInput>;
  sent: Promise<void>[];
  pages: number;
  /** Where to write the index as soon as every page in the order is in; none: only when finished. */
  outDir: string | undefined;
  /** That early write, once started, and how many pages it covers. */
  early: { written: Promise<void>; pages: number } | undefined;
  /** The folder under the output folder the index goes to (`pagefind`, or a shard's: pagefind-shards.ts). */
  dir: string;
  /** Hash of every page added (or held) so far, in order, and of Pagefind's version and settings. */
  input: crypto.Hash;
  /** While holding, pages in their turn wait here instead of going to Pagefind; undefined: not holding. */
  held: { page: PagePath; input: PagefindInput }[] | undefined;
}

/** What Pagefind's output depends on besides its input pages: its version and the site's settings. */
const PAGEFIND_SETTINGS = { excludeSelectors: EXCLUDED_SELECTORS, forceLanguage: 'en' };
/** Pagefind's installed version (its package.json, found from its entry point: the package exports no `./package.json`). */
function pagefindVersion(): string {
  for (let dir = path.dirname(fileURLToPath(import.meta.resolve('pagefind'))); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    const manifest = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string }) : undefined;
    if (manifest?.name === 'pagefind' && manifest.version) return manifest.version;
  }
  throw new Error('Pagefind\'s package.json was not found above its entry point.');
}

/** Pagefind's ready-made UIs, which the site does not use (assets/search.js builds its own results). */
const UNUSED_PAGEFIND_FILE = /^pagefind-(ui|component-ui|modular-ui|highlight)\.(js|css)$/;

/** Closes Pagefind's process (every index in it). */
export const closePagefind = (): Promise<null> => pagefind.close();

/** Starts Pagefind's process for a new index, with the site's exclusions. */
export async function startPagefindIndex(): Promise<PagefindIndex> {
  const created = await pagefind.createIndex(PAGEFIND_SETTINGS);
  if (!created.index) throw new Error(`Pagefind could not start: ${created.errors.join('; ')}`);
  return created.index;
}

/**
 * Opens a feed to `index` (by default a new one in Pagefind's process); with `outDir`, the index
 * is written there (in its folder `dir`) as soon as the last page in the order is in.
 */
export function createPagefindFeed(outDir?: string, index: Promise<PagefindIndex> = startPagefindIndex(), dir: string = PAGEFIND_DIR): PagefindFeed {
  // Seen again (and thrown) by whoever awaits the index; never an unhandled rejection meanwhile.
  index.catch(() => undefined);
  const input = feedInputHash();
  return { index, order: undefined, place: new Map(), next: 0, waiting: new Map(), unplaced: new Map(), sent: [], pages: 0, outDir, early: undefined, dir, input, held: undefined };
}

/** The hash of a feed's input before any page: Pagefind's version and the site's settings. */
export function feedInputHash(): crypto.Hash {
  return crypto.createHash('sha256').update(JSON.stringify({ pagefind: pagefindVersion(), settings: PAGEFIND_SETTINGS, unused: UNUSED_PAGEFIND_FILE.source }));
}

/** Adds one page given to Pagefind to a feed's input hash; lengths first, so no two inputs hash alike however their texts split. */
export function hashFedPage(hash: crypto.Hash, page: PagePath, key: string): void {
  hash.update(`${page.length}:${page}${key.length}:`).update(key);
}

/**
 * From now on pages wait in the feed instead of going to Pagefind, and no early write starts:
 * {@link finishPagefindFeed} adds them only if the output cannot be restored.
 */
export function holdPagefindFeed(feed: PagefindFeed): void {
  feed.held ??= [];
}

/** Tells the feed the order pages go to Pagefind in (the render order); later calls are ignored. */
export function setFeedOrder(feed: PagefindFeed, pages: readonly PagePath[]): void {
  if (feed.order) return;
  feed.order = [...pages];
  feed.order.forEach((page, i) => feed.place.set(page, i));
}

/**
 * What Pagefind reads of a page: `html()` gives it, `key` ({@link pagefindInputKey} of that HTML)
 * is what the feed hashes. The site pass keeps each page's key with its cached result
 * (src/site-pass/read-page.ts), so a page whose shard's output is restored is never decoded or
 * hashed again.
 */
export interface PagefindInput {
  key: string;
  html: () => string;
}

/** The key of a page's Pagefind input: a hash of its HTML. */
export const pagefindInputKey = (html: string): string => crypto.createHash('sha256').update(html).digest('base64');

/** An input whose HTML is at hand. */
export const htmlInput = (html: string): PagefindInput => ({ key: pagefindInputKey(html), html: () => html });

/**
 * Gives Pagefind a rendered page, in its turn (see the module comment); `html` null for a page in
 * the order that Pagefind does not index, so the pages after it need not wait for the end.
 */
export function feedPage(feed: PagefindFeed, page: PagePath, html: PagefindInput | null): void {
  const place = feed.place.get(page);
  if (place === undefined) {
    if (html !== null) feed.unplaced.set(page, html);
    return;
  }
  feed.waiting.set(place, { page, input: html });
  for (let ready = feed.waiting.get(feed.next); ready; ready = feed.waiting.get(feed.next)) {
    feed.waiting.delete(feed.next);
    feed.next++;
    if (ready.input !== null) send(feed, ready.page, ready.input);
  }
  if (feed.outDir && feed.order && feed.next === feed.order.length && !feed.early && !feed.held) {
    const written = writeIndex(feed, feed.outDir);
    written.catch(() => undefined);
    feed.early = { written, pages: feed.pages };
  }
}

/** Waits for every page sent so far, then writes the index to `outDir/<its folder>`. */
async function writeIndex(feed: PagefindFeed, outDir: string): Promise<void> {
  await Promise.all(feed.sent);
  await writeIndexFiles(await feed.index, path.join(outDir, feed.dir));
}

/** Writes `index` to `outputPath`, minus Pagefind's ready-made UIs, which the site does not use. */
export async function writeIndexFiles(index: PagefindIndex, outputPath: string): Promise<void> {
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  for (const file of await fs.readdir(written.outputPath)) {
    if (UNUSED_PAGEFIND_FILE.test(file)) await fs.rm(path.join(written.outputPath, file));
  }
}

function send(feed: PagefindFeed, page: PagePath, input: PagefindInput): void {
  feed.pages++;
  hashFedPage(feed.input, page, input.key);
  if (feed.held) feed.held.push({ page, input });
  else add(feed, page, input);
}

function add(feed: PagefindFeed, page: PagePath, input: PagefindInput): void {
  const content = input.html();
  feed.sent.push(
    feed.index
      .then((index) => index.addHTMLFile({ sourcePath: page, content }))
      .then((added) => {
        if (added.errors.length) throw new Error(`Pagefind could not index ${page}: ${added.errors.join('; ')}`);
      }),
  );
}

/** How a feed finished; `input` is the hash of everything it was given, in order. */
export interface FinishedFeed {
  pages: number;
  writtenEarly: boolean;
  /** The output was restored from the last build's, made from the same input. */
  restored: boolean;
  /** The output is the one indexed while the pages rendered, from the same input (pagefind-speculation.ts). */
  speculated: boolean;
  input: string;
  waitedMs: number;
}

/**
 * Adds what is still waiting (in order, then the unplaced pages by path) and makes sure the index
 * in `outDir/<its folder>` covers every page: the early write when nothing came after it; else
 * the output `restore(input, dir)` writes when it has one made from the same input (it says
 * whether it did); else the output `adopt(input, dir)` moves there when an index made while the
 * pages rendered had the same input (pagefind-speculation.ts); else a fresh write. Pagefind's process is left open: its owner closes it
 * ({@link closePagefind}) once every index in it is done (pagefind-shards.ts). Resolves to the
 * number of pages given to Pagefind, how the index came, the input's hash and the ms this took;
 * rejects with Pagefind's own errors.
 */
export async function finishPagefindFeed(
  feed: PagefindFeed,
  outDir: string,
  restore?: (input: string, dir: string) => boolean,
  adopt?: (input: string, dir: string) => Promise<boolean>,
): Promise<FinishedFeed> {
  const started = Date.now();
  for (const place of [...feed.waiting.keys()].sort((a, b) => a - b)) {
    const waiting = feed.waiting.get(place);
    if (waiting?.input) send(feed, waiting.page, waiting.input);
  }
  feed.waiting.clear();
  for (const [page, input] of [...feed.unplaced].sort(([a], [b]) => (a < b ? -1 : 1))) send(feed, page, input);
  feed.unplaced.clear();
  const input = feed.input.digest('hex');
  const early = feed.early;
  const earlyStands = early !== undefined && early.pages === feed.pages && outDir === feed.outDir;
  let restored = false;
  let speculated = false;
  if (earlyStands) await early.written;
  else {
    // Pages came after the early write (or it went elsewhere): restore or write afresh, without its files.
    // With no early write, this goes on at once, so the pages to index are given to Pagefind
    // before the caller's own work (the site pass checks links while Pagefind indexes).
    if (early) {
      await early.written.catch(() => undefined);
      await fs.rm(path.join(outDir, feed.dir), { recursive: true, force: true });
    }
    restored = restore?.(input, path.join(outDir, feed.dir)) ?? false;
    if (!restored) speculated = (await adopt?.(input, path.join(outDir, feed.dir))) ?? false;
    if (restored || speculated) await Promise.allSettled(feed.sent);
    else {
      for (const { page, input } of feed.held ?? []) add(feed, page, input);
      feed.held = undefined;
      await writeIndex(feed, outDir);
    }
  }
  return { pages: feed.pages, writtenEarly: earlyStands, restored, speculated, input, waitedMs: Date.now() - started };
}
