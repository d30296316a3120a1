/**
 * The site-pass worker thread (see handle.ts): reads each page the build renders, once, while
 * the main thread renders the next ones, and feeds the section pages to Pagefind; when the build
 * is done, it writes the search indexes and links.json and runs the link checks.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { toPlainError } from '../lib/thread-errors.ts';
import type { PagePath } from '../lib/urls.ts';
import { checkBuiltSite } from '../links/check-built-site.ts';
import type { PageScan } from '../links/scan-page.ts';
import { writeFallback, type FallbackPage } from '../search/fallback-index.ts';
import { createPagefindFeed, feedPage, finishPagefindFeed, setFeedOrder } from '../search/pagefind-feed.ts';
import type { FromWorker, SitePassResult, SitePassSetup, ToWorker } from './messages.ts';
import { readPage } from './read-page.ts';

const port = parentPort;
if (!port) throw new Error('src/site-pass/worker.ts runs only as a worker thread (see handle.ts).');

const utf8 = new TextDecoder();
const feed = createPagefindFeed((workerData as SitePassSetup).outDir);
const scans = new Map<PagePath, PageScan>();
const entries = new Map<PagePath, FallbackPage>();

function take(page: PagePath, html: string): void {
  const { scan, entry, pagefindHtml } = readPage(page, html);
  scans.set(page, scan);
  if (!entry || pagefindHtml === null) {
    feedPage(feed, page, null);
    return;
  }
  entries.set(page, entry);
  feedPage(feed, page, pagefindHtml);
}

async function finish(outDir: string, files: readonly string[], env: Record<string, string | undefined>): Promise<SitePassResult> {
  const readWhileRendering = scans.size;
  // Whatever the prerenderer did not hand over (a page it could not name, an HTML file from public/) is
  // read from disk now; a page it named but the build did not write is dropped.
  const htmlFiles = files.filter((f) => f.endsWith('.html')) as PagePath[];
  let readAtEnd = 0;
  for (const page of htmlFiles) {
    if (scans.has(page)) continue;
    take(page, fs.readFileSync(path.join(outDir, page), 'utf8'));
    readAtEnd++;
  }
  const pagefind = finishPagefindFeed(feed, outDir);
  pagefind.catch(() => undefined);
  const pages = new Map(htmlFiles.map((page) => [page, scans.get(page) as PageScan]));
  const check = checkBuiltSite({ dir: outDir, files: new Set(files), pages }, env);
  const fallback = writeFallback(outDir, htmlFiles.flatMap((page) => entries.get(page) ?? []));
  return { check, fallback, pagefind: await pagefind, readWhileRendering, readAtEnd };
}

function send(message: FromWorker): void {
  port?.postMessage(message);
}

function failed(error: unknown): FromWorker {
  return { kind: 'failed', error: toPlainError(error) };
}

port.on('message', (message: ToWorker) => {
  try {
    if (message.kind === 'order') setFeedOrder(feed, message.pages);
    else if (message.kind === 'page') take(message.page, utf8.decode(message.bytes));
    else finish(message.outDir, message.files, message.env).then((result) => send({ kind: 'done', result }), (error: unknown) => send(failed(error)));
  } catch (error) {
    send(failed(error));
  }
});
