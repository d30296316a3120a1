import fs from 'node:fs';
import path from 'node:path';
import { fallbackScript, type FallbackPage } from './fallback-index.ts';

/** Where the fallback index goes, relative to the output folder, beside Pagefind's folder (search.js finds both from its own URL). */
export const FALLBACK_FILE = 'search-index.js';

/** Writes `search-index.js` (see fallback-index.ts) of these pages, in this order, into `outDir`; returns its page count and size. */
export function writeFallback(outDir: string, pages: readonly FallbackPage[]): { pages: number; bytes: number } {
  const script = fallbackScript({ version: 1, pages: [...pages] });
  fs.writeFileSync(path.join(outDir, FALLBACK_FILE), script);
  return { pages: pages.length, bytes: Buffer.byteLength(script) };
}
