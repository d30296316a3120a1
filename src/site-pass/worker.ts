/**
 * The site-pass worker thread (see handle.ts): reads each page the build renders, once, while
 * the main thread renders the next ones, and feeds the section pages to Pagefind; when the build
 * is done, it writes the search indexes, links.json and the link-preview data scripts
 * (link-previews.ts) and runs the link checks.
 *
 * With a cache folder, a page whose bytes are those of a stored result (page-cache.ts) is not
 * parsed, and a page Astro restored under the `cacheKey` and code its stored result was read with
 * is not even read (`madeFrom`); when Pagefind's whole input is the last successful build's, its
 * output is restored (src/search/pagefind-output-cache.ts); when every page, file and check input
 * is the last successful pass's, links.json, objects.inv, search-index.js and the check's report
 * are restored too (pass-outputs.ts). All are kept again at the end of a pass with no failure.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { codeDigest } from '../lib/code-digest.ts';
import { toPlainError } from '../lib/thread-errors.ts';
import { isPagefindOutputPath, PAGEFIND_DIR, resolveUrl, type PagePath } from '../lib/urls.ts';
import { checkBuiltSite, type BuiltSiteCheck } from '../links/check-built-site.ts';
import { linkWorldKey } from '../links/link-world.ts';
import type { PageScan } from '../links/scan-page.ts';
import { writeFallback, type FallbackPage } from '../search/fallback-index.ts';
import { pagefindInput } from '../search/pagefind-input.ts';
import { pagefindOutputDir, prunePagefindOutputs } from '../search/pagefind-output-cache.ts';
import { ShardedPagefind } from '../search/pagefind-shards.ts';
import type { PagefindInput } from '../search/pagefind-feed.ts';
import type { FromWorker, SitePassResult, SitePassSetup, ToWorker } from './messages.ts';
import { loadPageCache, pageCacheDir, readCached, savePageCache, type CachedPage, type PageCache } from './page-cache.ts';
import { keptPreviewsDir, NO_PREVIEWS, writeLinkPreviews } from './link-previews.ts';
import { LikelyInputs } from './likely-inputs.ts';
import { keepTree, restoreTree } from './kept-tree.ts';
import { loadPassOutputs, passOutputsFile, passOutputsKey, restorePassOutputs, savePassOutputs } from './pass-outputs.ts';

const port = parentPort;
if (!port) throw new Error('src/site-pass/worker.ts runs only as a worker thread (see handle.ts).');

const utf8 = new TextDecoder();
const setup = workerData as SitePassSetup;
// Shards indexed while the pages render write beside the pass's other kept files (pagefind-speculation.ts).
const feed = new ShardedPagefind(setup.outDir, setup.pagefindPagesPerShard, setup.cacheDir && setup.previousOutDir ? path.join(setup.cacheDir, 'site-pass') : undefined);
const scans = new Map<PagePath, PageScan>();
const entries = new Map<PagePath, FallbackPage>();
// Loaded while Astro bundles, before the first page comes.
const stored: PageCache = setup.cacheDir ? loadPageCache(pageCacheDir(setup.cacheDir)) : new Map();
const kept: PageCache = new Map();
/** Pages' likely Pagefind inputs, for shards indexed while the pages render. */
const likely = new LikelyInputs(stored, setup.previousOutDir);
let fromCache = 0;
/** Runs of large pages whose scan was taken from the last read of the page (links/scan-runs.ts), and all runs of the large pages read. */
const runs = { reused: 0, of: 0 };
let finishing = false;

/** A page the build wrote, read now (as it renders, or from disk at the end). */
function take(page: PagePath, bytes: Uint8Array): void {
  const { cached, hit, html, runsReused } = readCached(stored, page, bytes);
  if (hit) fromCache++;
  else if (cached.read.runs) {
    runs.reused += runsReused;
    runs.of += cached.read.runs.length;
  }
  use(page, { ...cached, made: madeFrom(page) }, () => html ?? utf8.decode(bytes));
}

/**
 * A page Astro restored from its cache under the same `cacheKey` and code as the page the stored
 * result was read from (see {@link madeFrom}): the same bytes, so the stored result is used
 * without reading the file; Pagefind reads it only if its shard must be indexed again.
 */
function takeKnown(page: PagePath, before: CachedPage, outDir: string): void {
  fromCache++;
  use(page, before, () => fs.readFileSync(path.join(outDir, page), 'utf8'));
}

function use(page: PagePath, cached: CachedPage, html: () => string): void {
  kept.set(page, cached);
  const { scan, entry, pagefind, pagefindKey } = cached.read;
  scans.set(page, scan);
  if (!entry || pagefind === null || pagefindKey === null) {
    give(page, null);
    return;
  }
  entries.set(page, entry);
  // Keyed by the hash of what Pagefind reads, kept with the page's result: a page from the cache
  // is decoded only if its shard must be indexed again.
  give(page, { key: pagefindKey, html: () => pagefindInput(html(), pagefind) });
}

/** Each keyed page's `cacheKey` in this build (its path -> key), as the prerenderer gave them. */
let cacheKeys = new Map<PagePath, string>();
let pagesCode: string | undefined;

/**
 * What a page was made from, when Astro may restore it rather than render it: the project's
 * code (src/, the Astro config, the lock file) and its `cacheKey`. Astro restores a page only
 * when its key and code are the last build's, and then its output of that build; a stored result
 * read from a page made from the same key and code is that page's result. Code Astro hashes per
 * page is hashed here whole, so any change to it reads every page again. Undefined for a page
 * without a key (always rendered, so always read).
 */
function madeFrom(page: PagePath): string | undefined {
  const key = cacheKeys.get(page);
  if (key === undefined) return undefined;
  pagesCode ??= codeDigest('pages', ['.', '../astro.config.mjs', '../package-lock.json']);
  return `${pagesCode}:${key}`;
}

/** A page's input to its Pagefind shard; one that renders with a new input starts indexing its shard at once. */
function give(page: PagePath, input: PagefindInput | null): void {
  // Kept (with the page's bytes) only while a shard may still be indexed early: not in a cold build.
  if (!finishing && stored.size > 0 && feed.mayStillSpeculate) {
    likely.given(page, input);
    if (likely.changed(page, input)) feed.speculate(page, likely.of);
  } else {
    likely.clear();
  }
  feed.page(page, input);
}

async function finish(outDir: string, files: readonly string[], env: Record<string, string | undefined>): Promise<SitePassResult> {
  finishing = true;
  likely.clear();
  const readWhileRendering = scans.size;
  const cacheDir = setup.cacheDir;
  // From here Pagefind gets nothing until it is known whether its last output can be restored.
  if (cacheDir) feed.hold();
  // Whatever the prerenderer did not hand over (a page it could not name, an HTML file from public/) is
  // read from disk now; a page it named but the build did not write is dropped.
  const htmlFiles = files.filter((f) => f.endsWith('.html')) as PagePath[];
  let readAtEnd = 0;
  let notRead = 0;
  for (const page of htmlFiles) {
    if (scans.has(page)) continue;
    const before = stored.get(page);
    const made = madeFrom(page);
    if (before && made !== undefined && before.made === made) {
      takeKnown(page, before, outDir);
      notRead++;
      continue;
    }
    take(page, fs.readFileSync(path.join(outDir, page)));
    readAtEnd++;
  }
  const indexing = feed.finish(outDir, cacheDir ? (shard, input, dir) => restoreTree(pagefindOutputDir(cacheDir, shard), input, dir) : undefined);
  indexing.catch(() => undefined);
  // One turn of the event loop, so Pagefind's process gets its pages before the checks below keep this thread busy.
  await new Promise((resolve) => setImmediate(resolve));
  // Every page's data script, from every page's card and links (link-previews.ts).
  const previewPages = new Map(htmlFiles.map((page) => [page, kept.get(page)?.read.previews ?? NO_PREVIEWS]));
  const previews = writeLinkPreviews(outDir, previewPages, cacheDir ? keptPreviewsDir(cacheDir) : undefined, (page) => kept.get(page)?.hash);
  // What the check sees is the same from build to build unless a page links into Pagefind's output: only then is anything of it kept.
  const keepable = cacheDir !== undefined && !linksIntoPagefind(htmlFiles);
  // Every page's bytes are hashed by now (take): the key of the check's inputs, to restore its outputs when they are the last pass's.
  const outputsKey = keepable ? passOutputsKey(htmlFiles.map((page) => [page, kept.get(page)?.hash ?? '(unread)']), files, env) : undefined;
  const reused = cacheDir && outputsKey ? loadPassOutputs(passOutputsFile(cacheDir), outputsKey) : undefined;
  let check: BuiltSiteCheck;
  let fallback: SitePassResult['fallback'];
  // The link world this pass's check saw; restored outputs mean the last pass's, which the page cache holds.
  let world: string | undefined;
  if (reused) {
    restorePassOutputs(outDir, reused);
    ({ check, fallback } = reused);
  } else {
    const pages = new Map(htmlFiles.map((page) => [page, scans.get(page) as PageScan]));
    // Pages whose bytes and link world are what the last passing check saw need no check (link-world.ts).
    world = keepable ? linkWorldKey(files, pages) : undefined;
    const known = new Set(world === undefined ? [] : htmlFiles.filter((page) => {
      const before = stored.get(page);
      return before !== undefined && before.world === world && before.hash === kept.get(page)?.hash;
    }));
    check = checkBuiltSite({ dir: outDir, files: new Set(files), pages }, env, cacheDir, known);
    fallback = writeFallback(outDir, htmlFiles.flatMap((page) => entries.get(page) ?? []));
    if (cacheDir && outputsKey && check.failures.length === 0) savePassOutputs(passOutputsFile(cacheDir), outDir, outputsKey, check, fallback);
  }
  if (cacheDir && check.failures.length === 0) {
    // Only this build's pages: a page it named but did not write is not kept. Written while
    // Pagefind indexes in its own process.
    const built: PageCache = new Map();
    for (const page of htmlFiles) {
      const result = kept.get(page);
      if (result) built.set(page, result);
    }
    savePageCache(pageCacheDir(cacheDir), built, undefined, stored, reused ? sameWorld(stored, built) : world);
  }
  const index = await indexing;
  if (cacheDir && check.failures.length === 0) {
    index.shards.forEach((shard, k) => {
      if (!shard.restored) keepTree(pagefindOutputDir(cacheDir, k), shard.input, path.join(outDir, shard.dir));
    });
    prunePagefindOutputs(cacheDir, index.shards.length);
  }
  const shards = index.shards;
  const pagefind = {
    pages: index.pages,
    shards: shards.length,
    writtenEarly: shards.every((s) => s.writtenEarly),
    restored: shards.every((s) => s.restored),
    restoredShards: shards.filter((s) => s.restored).length,
    speculatedShards: shards.filter((s) => s.speculated).length,
    waitedMs: index.waitedMs,
  };
  return { check, fallback, pagefind, previews, readWhileRendering, readAtEnd, notRead, fromCache, runs, checkRestored: reused !== undefined };
}

/**
 * The world of a pass whose check was restored (every page, file and input the last pass's): the
 * world every page's stored result was kept with, when they all agree, else none.
 */
function sameWorld(stored: PageCache, built: PageCache): string | undefined {
  const worlds = new Set([...built.keys()].map((page) => stored.get(page)?.world));
  return worlds.size === 1 ? [...worlds][0] : undefined;
}

/**
 * Whether a page links into Pagefind's output, which the pass writes at a time
 * that depends on the render order: then the file list the check sees is not stable, and its
 * outputs are neither kept nor restored (no page of ours does; see pass-outputs.ts).
 */
function linksIntoPagefind(pages: readonly PagePath[]): boolean {
  return pages.some((page) => scans.get(page)?.links.some((link) => link.url.includes(PAGEFIND_DIR) && isPagefindOutputPath(resolveUrl(page, link.url).path)));
}

function send(message: FromWorker): void {
  port?.postMessage(message);
}

/**
 * Sends the pass's answer and lets go of the port: with Pagefind's process closed, nothing is
 * left to keep the thread alive and it ends on its own once the answer is delivered (handle.ts
 * waits for that rather than terminating it).
 */
function answer(message: FromWorker): void {
  send(message);
  port?.unref();
}

function failed(error: unknown): FromWorker {
  return { kind: 'failed', error: toPlainError(error) };
}

port.on('message', (message: ToWorker) => {
  try {
    if (message.kind === 'order') {
      cacheKeys = new Map(message.keys);
      feed.order(message.pages);
    }
    else if (message.kind === 'page') take(message.page, message.bytes);
    else finish(message.outDir, message.files, message.env).then((result) => answer({ kind: 'done', result }), (error: unknown) => answer(failed(error)));
  } catch (error) {
    send(failed(error));
  }
});
