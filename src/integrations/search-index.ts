import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { PAGEFIND_DIR } from '../lib/urls.ts';
import { EXCLUDED_SELECTORS, fallbackScript, indexPage, type FallbackPage } from '../search/fallback-index.ts';

/** Where the fallback index goes, relative to the output folder, beside PAGEFIND_DIR (search.js finds both from its own URL). */
export const FALLBACK_FILE = 'search-index.js';

/**
 * Indexes the built site for search once every page is written, in whatever folder the build
 * wrote (`dist/` or `$SITE_OUT_DIR`):
 * - Pagefind's chunked index in `pagefind/`, used when the site is served over HTTP;
 * - `search-index.js`, a small plain-script index for pages opened from disk, where Pagefind
 *   cannot fetch its chunks or run its WebAssembly (see src/search/fallback-index.ts).
 * Only pages marked `data-pagefind-body` (the sections) are searchable in both.
 */
export default function searchIndex(): AstroIntegration {
  return {
    name: 'search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const started = Date.now();
        // One after the other on purpose: overlapping them saved ~1 s at 1,000 and 5,000 sections
        // but put Pagefind's process and this one's peaks together (5.5 GB at 5,000; docs/performance.md).
        const pageCount = await writePagefind(outDir);
        const fallback = await writeFallback(outDir);
        logger.info(`search: ${fallback.pages} searchable of ${pageCount} pages; ${PAGEFIND_DIR}/ and ${FALLBACK_FILE} (${(fallback.bytes / 1024).toFixed(1)} KB) written in ${Date.now() - started} ms`);
      },
    },
  };
}

/** Pagefind's ready-made UIs, which the site does not use (assets/search.js builds its own results). */
const UNUSED_PAGEFIND_FILE = /^pagefind-(ui|component-ui|modular-ui|highlight)\.(js|css)$/;

/** Runs Pagefind over `outDir` and writes its bundle, minus the unused UIs; throws with Pagefind's own errors. */
async function writePagefind(outDir: string): Promise<number> {
  try {
    const created = await pagefind.createIndex({ excludeSelectors: EXCLUDED_SELECTORS, forceLanguage: 'en' });
    const { index } = created;
    if (!index) throw new Error(`Pagefind could not start: ${created.errors.join('; ')}`);
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length) throw new Error(`Pagefind could not index ${outDir}: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: path.join(outDir, PAGEFIND_DIR) });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    for (const file of await fs.readdir(written.outputPath)) {
      if (UNUSED_PAGEFIND_FILE.test(file)) await fs.rm(path.join(written.outputPath, file));
    }
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}

/** Writes `search-index.js` from the built section pages; returns its page count and size. */
async function writeFallback(outDir: string): Promise<{ pages: number; bytes: number }> {
  const files = (await fs.readdir(outDir, { recursive: true }))
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => f.endsWith('.html') && !f.startsWith(`${PAGEFIND_DIR}/`))
    .sort();
  const pages: FallbackPage[] = [];
  for (const file of files) {
    const html = await fs.readFile(path.join(outDir, file), 'utf8');
    // Most pages are not searchable: skip parsing them (indexPage checks the attribute properly).
    if (!html.includes('data-pagefind-body')) continue;
    const entry = indexPage(html, file);
    if (entry) pages.push(entry);
  }
  const script = fallbackScript({ version: 1, pages });
  await fs.writeFile(path.join(outDir, FALLBACK_FILE), script);
  return { pages: pages.length, bytes: Buffer.byteLength(script) };
}
