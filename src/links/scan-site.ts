import fs from 'node:fs';
import path from 'node:path';
import { readHtml, type HtmlReader } from '../lib/html-pass.ts';
import type { PagePath } from '../lib/urls.ts';
import { pageScanner, type PageScan } from './scan-page.ts';

/** A built site read once: every file's path, and every HTML page scanned. */
export interface SiteScan {
  /** The output folder that was read. */
  dir: string;
  /** Every file, as a path from the site root with forward slashes. */
  files: Set<string>;
  /** Every `.html` file, scanned, by path. */
  pages: Map<PagePath, PageScan>;
}

/** More readers for a page in the same parse (e.g. the search fallback index's), chosen per page. */
export type ExtraReaders = (page: PagePath, html: string) => readonly HtmlReader<unknown>[];

/** Pages read between two returns to the event loop, so work in flight elsewhere (Pagefind) goes on. */
const PAGES_PER_TURN = 25;

/**
 * Lists every file under `dir` and parses each HTML page exactly once. links.json, the link check
 * and the lock check all read this one result, and `extraReaders` read the same parse, so a site
 * of thousands of pages is parsed once after the build.
 */
export async function scanSite(dir: string, extraReaders?: ExtraReaders): Promise<SiteScan> {
  const files = new Set<string>();
  const pages = new Map<PagePath, PageScan>();
  let read = 0;
  for (const relative of listFiles(dir)) {
    files.add(relative);
    if (!relative.endsWith('.html')) continue;
    const page = relative as PagePath;
    const html = fs.readFileSync(path.join(dir, relative), 'utf8');
    const scanner = pageScanner();
    readHtml(html, [scanner, ...(extraReaders?.(page, html) ?? [])]);
    pages.set(page, scanner.result());
    if (++read % PAGES_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  return { dir, files, pages };
}

/** Every file under `dir`, relative, with forward slashes, sorted so output is deterministic. */
export function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}
