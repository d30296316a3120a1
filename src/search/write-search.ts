import fs from 'node:fs/promises';
import path from 'node:path';
import type { HtmlReader } from '../lib/html-pass.ts';
import type { PagePath } from '../lib/urls.ts';
import { fallbackScript, searchEntryReader, type FallbackPage } from './fallback-index.ts';

/** Where the fallback index goes, relative to the output folder, beside Pagefind's folder (search.js finds both from its own URL). */
export const FALLBACK_FILE = 'search-index.js';

/**
 * Collects the fallback index (`search-index.js`, see fallback-index.ts) from the pages as the
 * build's one pass over them goes by: give {@link readersFor} to `scanSite`, then {@link write}.
 */
export function fallbackCollector() {
  const readers: HtmlReader<FallbackPage | null>[] = [];
  return {
    /** A reader for each page that may be searchable (a cheap test; the reader checks properly). */
    readersFor(page: PagePath, html: string): HtmlReader<unknown>[] {
      if (!html.includes('data-pagefind-body')) return [];
      const reader = searchEntryReader(page);
      readers.push(reader);
      return [reader];
    },
    /** Writes `search-index.js` into `outDir`; returns its page count and size. */
    async write(outDir: string): Promise<{ pages: number; bytes: number }> {
      const pages = readers.map((reader) => reader.result()).filter((entry): entry is FallbackPage => entry !== null);
      const script = fallbackScript({ version: 1, pages });
      await fs.writeFile(path.join(outDir, FALLBACK_FILE), script);
      return { pages: pages.length, bytes: Buffer.byteLength(script) };
    },
  };
}
