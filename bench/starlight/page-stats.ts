/**
 * The content pages of a built site, measured alike for our site and Starlight's: the median
 * page by size, its gzip, and what it loads up front as the page-weight budget test counts it
 * (tests/perf/page-weight.ts), so the comparison uses one ruler for both.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { pageWeight } from '../../tests/perf/page-weight.ts';
import { htmlFiles, medianBy } from '../site-stats.ts';

/** What one page loads up front, gzip bytes (HTML with inline CSS/JS, external CSS, external JS). */
export interface UpFrontWeight {
  page: string;
  htmlGzip: number;
  cssGzip: number;
  jsGzip: number;
  totalGzip: number;
}

export interface ContentPages {
  /** Every HTML page of the build. */
  pages: number;
  /** Gzip bytes of the median content page's HTML (as `siteStats` measures ours). */
  medianPageGzipBytes: number;
  /** The median content page's up-front weight, as the budget test measures. */
  pageWeight: UpFrontWeight;
}

/**
 * Measures `dist`, where a content page is an HTML file for which `isContent` (given the path
 * relative to `dist`, with `/`) holds. Throws when there is none: a comparison without pages is
 * a broken build, not a result.
 */
export function contentPages(dist: string, isContent: (rel: string) => boolean): ContentPages {
  const html = htmlFiles(dist);
  const median = medianBy(html.filter((p) => isContent(p.rel)), (p) => p.bytes);
  if (!median) throw new Error(`${dist}: no content pages among ${html.length} HTML pages`);
  const weight = pageWeight(dist, median.rel);
  return {
    pages: html.length,
    medianPageGzipBytes: gzipSync(fs.readFileSync(path.join(dist, median.rel))).length,
    pageWeight: { page: weight.page, htmlGzip: weight.htmlGzip, cssGzip: weight.cssGzip, jsGzip: weight.jsGzip, totalGzip: weight.totalGzip },
  };
}

/** Starlight's content pages (directory format): `<topic>/<slug>/index.html`. */
export const isStarlightPage = (topics: ReadonlySet<string>) => (rel: string): boolean => {
  const parts = rel.split('/');
  return parts.length === 3 && topics.has(parts[0] ?? '') && parts[2] === 'index.html';
};
