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
 * Lists every file under `dir` and scans each HTML page exactly once, from disk: for
 * `npm run links:lock` and the tests. The build reads its pages as they render instead
 * (src/site-pass/), into the same {@link SiteScan}.
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
