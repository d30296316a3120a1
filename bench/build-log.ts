/**
 * What a build did, read from our own log lines only (never Astro's, whose wording is not ours to
 * rely on):
 *
 * - `[sections] content OK: 123 sections (5 rendered, 118 unchanged), ... (1559 ms)`, from the
 *   sections loader (src/content/loaders.ts): how many sections it rendered again and how long
 *   loading the content took;
 * - `[pages-read] 6 pages read while rendering, 2 from disk after, 168 not read (...); 172
 *   unchanged since the last build, taken from the page cache`, from the built-site integration:
 *   pages the build rendered, and pages the incremental build reused (not rendered: the site pass
 *   read them from disk after the last page, or knew them by their cacheKey without reading; the
 *   rest of the line is not read here);
 * - `[built-site] ... waited for after the last page (4941 ms)`: the search indexes, links.json
 *   and link checks after the last page;
 * - or `build: nothing changed since the last build ...; skipped.` from scripts/build.ts, when
 *   Astro did not run at all.
 */

export interface BuildLog {
  /** The build found nothing changed and did not run Astro (scripts/build.ts). */
  skipped: boolean;
  /** Pages rendered by this build. */
  pagesRendered: number;
  /** Pages the incremental build reused from the build before, unrendered. */
  pagesReused: number;
  /** Of those, pages the site pass did not even read: known by their cacheKey and code (src/site-pass/worker.ts). */
  pagesNotRead: number;
  /** Sections the loader rendered to HTML again (the others came from the content store). */
  sectionsRendered: number;
  sectionsUnchanged: number;
  /** Wall seconds of loading and checking the content (the sections loader's own measure). */
  contentSeconds: number;
  /** Wall seconds after the last page: search indexes, links.json, link checks. */
  afterLastPageSeconds: number;
}

const ANSI = /\u001b\[[0-9;]*m/g;

/** The line's numbers (0 for an optional part it lacks), or an error naming the line that is missing and who writes it. */
function numbers(log: string, pattern: RegExp, what: string): number[] {
  const match = pattern.exec(log);
  if (!match) throw new Error(`bench: the build log has no ${what} line (${pattern.source}); did its wording change in src/?`);
  return match.slice(1).map((value) => (value === undefined ? 0 : Number(value)));
}

/** Reads a whole `npm run build` log; throws when one of our lines is missing, so nothing is guessed. */
export function readBuildLog(log: string): BuildLog {
  const text = log.replace(ANSI, '');
  if (/^build: nothing changed since the last build .*; skipped\./m.test(text)) {
    return { skipped: true, pagesRendered: 0, pagesReused: 0, pagesNotRead: 0, sectionsRendered: 0, sectionsUnchanged: 0, contentSeconds: 0, afterLastPageSeconds: 0 };
  }
  const [rendered = 0, readAfter = 0, notRead = 0] = numbers(text, /\[pages-read\] (\d+) pages read while rendering, (\d+) from disk after(?:, (\d+) not read)?/, '"[pages-read]" (src/integrations/built-site.ts)');
  const reused = readAfter + notRead;
  const [sectionsRendered = 0, sectionsUnchanged = 0, contentMs = 0] = numbers(text, /\[sections\] content OK: \d+ sections \((\d+) rendered(?: on \d+ threads)?, (\d+) unchanged\).*\((\d+) ms\)/, '"[sections] content OK" (src/content/loaders.ts)');
  const [afterMs = 0] = numbers(text, /\[built-site\] .*after the last page \((\d+) ms\)/, '"[built-site] ... after the last page" (src/integrations/built-site.ts)');
  return { skipped: false, pagesRendered: rendered, pagesReused: reused, pagesNotRead: notRead, sectionsRendered, sectionsUnchanged, contentSeconds: contentMs / 1000, afterLastPageSeconds: afterMs / 1000 };
}
