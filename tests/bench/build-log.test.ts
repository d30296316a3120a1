/**
 * The bench reads what a build did from our own log lines (bench/build-log.ts); the wording of
 * `[pages-read]` grew a note on the page cache (src/integrations/built-site.ts), which must not
 * change what the bench reads.
 */
import { describe, expect, it } from 'vitest';
import { readBuildLog } from '../../bench/build-log.ts';

const log = (pagesRead: string) =>
  [
    '12:56:20 [sections] content OK: 1007 sections (0 rendered, 1007 unchanged), 32 entities, 2 sources in /x/content (592 ms)',
    `12:56:38 \u001b[34m[pages-read]\u001b[39m ${pagesRead}`,
    '12:56:38 [built-site] search indexes, links.json and link checks written and passed; waited for after the last page (2202 ms)',
  ].join('\n');

describe('bench build log', () => {
  it('reads pages rendered and reused from the [pages-read] line, with or without the page-cache note', () => {
    for (const line of ['7 pages read while rendering, 1045 from disk after', '7 pages read while rendering, 1045 from disk after; 1050 unchanged since the last build, taken from the page cache']) {
      expect(readBuildLog(log(line))).toEqual({ skipped: false, pagesRendered: 7, pagesReused: 1045, pagesNotRead: 0, sectionsRendered: 0, sectionsUnchanged: 1007, contentSeconds: 0.592, afterLastPageSeconds: 2.202 });
    }
  });

  it('counts the reused pages the site pass did not read among those reused', () => {
    const line = '8 pages read while rendering, 2 from disk after, 1042 not read (restored by Astro under the cacheKey and code their stored result was read with); 1050 unchanged since the last build, taken from the page cache';
    expect(readBuildLog(log(line))).toMatchObject({ pagesRendered: 8, pagesReused: 1044, pagesNotRead: 1042 });
  });

  it('reads the sections rendered whether or not the loader used its thread pool', () => {
    const pooled = log('7 pages read while rendering, 1045 from disk after').replace('(0 rendered, 1007 unchanged)', '(900 rendered on 2 threads, 107 unchanged)');
    expect(readBuildLog(pooled)).toMatchObject({ sectionsRendered: 900, sectionsUnchanged: 107 });
  });

  it('reads a skipped build (nothing changed) as skipped, with nothing rendered', () => {
    const skipped = readBuildLog('build: nothing changed since the last build (content, code, settings and dist as it left them); skipped. SITE_REBUILD=1 builds anyway.\n');
    expect(skipped).toMatchObject({ skipped: true, pagesRendered: 0, pagesReused: 0, sectionsRendered: 0 });
  });

  it('fails on a log without the line', () => {
    expect(() => readBuildLog(log('').replace(/.*\[pages-read\].*\n/, ''))).toThrow(/pages-read/);
  });
});
