import fs from 'node:fs';
import path from 'node:path';
import type { PagePath } from '../lib/urls.ts';
import { scanPage, type PageScan } from './scan-page.ts';

/** A built site read once: every file's path, and every HTML page scanned. */
export interface SiteScan {
  /** The output folder that was read. */
  dir: string;
  /** Every file, as a path from the site root with forward slashes. */
  files: Set<string>;
  /** Every `.html` file, scanned, by path. */
  pages: Map<PagePath, PageScan>;
}

/**
 * Lists every file under `dir` and scans each HTML page exactly once. links.json, the link check
 * and the lock check all read this one result, so a site of thousands of pages is parsed once.
 */
export function scanSite(dir: string): SiteScan {
  const files = new Set<string>();
  const pages = new Map<PagePath, PageScan>();
  for (const relative of listFiles(dir)) {
    files.add(relative);
    if (relative.endsWith('.html')) pages.set(relative as PagePath, scanPage(fs.readFileSync(path.join(dir, relative), 'utf8')));
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
