/**
 * What a built site weighs: page count, total size, search index size, and the median section
 * page (the number that must not grow with the site: DESIGN.md, Scale).
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { listFiles } from '../src/links/scan-site.ts';
import { TOPIC_IDS } from '../src/schemas/topic.ts';
import { dirSize } from './measure.ts';

export interface SiteStats {
  htmlPages: number;
  sectionPages: number;
  distBytes: number;
  /** Bytes under `pagefind/` (0 when the build has no search index yet). */
  searchIndexBytes: number;
  medianSectionPageBytes: number;
  medianSectionPageGzipBytes: number;
  /** The largest page, which should be a topic page or the source page (full lists by design). */
  largestPage: { path: string; bytes: number };
}

/** Statistics of the site built into `dist`. */
export function siteStats(dist: string): SiteStats {
  const html = htmlFiles(dist);
  const isSection = isOurSectionPage(new Set(TOPIC_IDS));
  const sections = html.filter((p) => isSection(p.rel));
  const largest = html.reduce((a, b) => (b.bytes > a.bytes ? b : a), { rel: '', bytes: 0 });
  const medianPage = medianBy(sections, (p) => p.bytes);
  return {
    htmlPages: html.length,
    sectionPages: sections.length,
    distBytes: dirSize(dist),
    searchIndexBytes: dirSize(path.join(dist, 'pagefind')),
    medianSectionPageBytes: medianPage?.bytes ?? 0,
    medianSectionPageGzipBytes: medianPage ? gzipSync(fs.readFileSync(path.join(dist, medianPage.rel))).length : 0,
    largestPage: { path: largest.rel, bytes: largest.bytes },
  };
}

/** Every HTML file under `dist` (in path order): its path relative to `dist` (with `/`) and its size in bytes. */
export function htmlFiles(dist: string): { rel: string; bytes: number }[] {
  return listFiles(dist)
    .filter((rel) => rel.endsWith('.html'))
    .map((rel) => ({ rel, bytes: fs.statSync(path.join(dist, rel)).size }));
}

/** Our section pages: `<topic>/<slug>.html`. */
export const isOurSectionPage = (topics: ReadonlySet<string>) => (rel: string): boolean => {
  const parts = rel.split('/');
  return parts.length === 2 && topics.has(parts[0] ?? '');
};

/** The lower median of `items` by `key`; undefined when there are none. */
export function medianBy<T>(items: readonly T[], key: (item: T) => number): T | undefined {
  const sorted = [...items].sort((a, b) => key(a) - key(b));
  return sorted[Math.floor((sorted.length - 1) / 2)];
}
