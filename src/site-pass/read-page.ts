import { readHtml } from '../lib/html-pass.ts';
import type { PagePath } from '../lib/urls.ts';
import { pageScanner, type PageScan } from '../links/scan-page.ts';
import { searchEntryReader, type FallbackPage } from '../search/fallback-index.ts';

/** One built page, read once for everything after the build: the link scan and, if searchable, its search entry. */
export function readPage(page: PagePath, html: string): { scan: PageScan; entry: FallbackPage | null } {
  const scanner = pageScanner();
  // Most pages are not searchable: no search reader for them (the reader checks the attribute properly).
  const search = html.includes('data-pagefind-body') ? searchEntryReader(page) : undefined;
  readHtml(html, search ? [scanner, search] : [scanner]);
  return { scan: scanner.result(), entry: search?.result() ?? null };
}
