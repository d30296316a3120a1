import { readHtml, type HtmlReader } from '../lib/html-pass.ts';
import type { PagePath } from '../lib/urls.ts';
import { pageScanner, type PageScan } from '../links/scan-page.ts';
import { RUNS_FROM_BYTES, scanReusingRuns, type ScanRun } from '../links/scan-runs.ts';
import { searchEntryReader, type FallbackPage } from '../search/fallback-index.ts';
import { pagefindInputKey } from '../search/pagefind-feed.ts';
import { pagefindInput, pagefindInputReader, type PagefindSlices } from '../search/pagefind-input.ts';
import { NO_PREVIEWS, previewsReader, type PagePreviews } from './link-previews.ts';

/** What one parse of a built page gives: its link scan and, if it is searchable, its search entry and what Pagefind reads of it. */
export interface ReadPage {
  scan: PageScan;
  entry: FallbackPage | null;
  /** Where the page's Pagefind input lies in it (see pagefind-input.ts); null when not searchable. */
  pagefind: PagefindSlices | null;
  /**
   * A hash of that input (null when not searchable): what the Pagefind feed hashes for this page,
   * kept with the result so a page read from the cache is not decoded to hash it again.
   */
  pagefindKey: string | null;
  /** Its link-preview card and the links of its main, when it carries the preview loader (link-previews.ts). */
  previews: PagePreviews;
  /** For a large page read by the link scan alone (a source page): its runs, for the next read's reuse (scan-runs.ts). */
  runs?: ScanRun[];
}

/** A page's read, and how many runs of it were taken from the last read instead of parsed (a fact of this read, not kept with it). */
export interface PageRead {
  read: ReadPage;
  runsReused: number;
}

/** One built page, read once for everything after the build (nothing reused from an earlier read). */
export function readPage(page: PagePath, html: string): ReadPage {
  return readPageReusing(page, html).read;
}

/**
 * {@link readPage}, given what the last build read of the same page (`last`), whose scan a large
 * page read by the link scan alone reuses run by run; with how many runs it reused.
 */
export function readPageReusing(page: PagePath, html: string, last?: ReadPage): PageRead {
  // Only section and entity pages carry a preview loader; only they need the previews reader.
  const previews = html.includes('data-preview-kind') ? previewsReader() : undefined;
  // Most pages are not searchable: no search readers for them (the readers check the attribute properly).
  const searchable = html.includes('data-pagefind-body');
  if (!previews && !searchable && html.length >= RUNS_FROM_BYTES) {
    const { scan, runs, reused } = scanReusingRuns(html, last?.runs ? { scan: last.scan, runs: last.runs } : undefined);
    return { read: { scan, entry: null, pagefind: null, pagefindKey: null, previews: NO_PREVIEWS, runs }, runsReused: reused };
  }
  return { read: readWhole(page, html, previews, searchable), runsReused: 0 };
}

function readWhole(page: PagePath, html: string, previews: ReturnType<typeof previewsReader> | undefined, searchable: boolean): ReadPage {
  const scanner = pageScanner();
  if (!searchable) {
    readHtml(html, previews ? [scanner, previews] as HtmlReader<unknown>[] : [scanner]);
    return { scan: scanner.result(), entry: null, pagefind: null, pagefindKey: null, previews: previews?.result() ?? NO_PREVIEWS };
  }
  const search = searchEntryReader(page);
  const pagefind = pagefindInputReader(html);
  readHtml(html, [scanner, search, pagefind, ...(previews ? [previews] : [])] as HtmlReader<unknown>[]);
  const entry = search.result();
  const slices = entry ? pagefind.result() : null;
  const pagefindKey = slices === null ? null : pagefindInputKey(pagefindInput(html, slices));
  return { scan: scanner.result(), entry, pagefind: slices, pagefindKey, previews: previews?.result() ?? NO_PREVIEWS };
}
