/**
 * The scan of a large page (src/links/scan-page.ts) that reuses, run by run, what the last scan of
 * the same page found. A source page lists every line of its text (11.7 MB of HTML at 1,000
 * sections, 58 MB at 5,000) and renders again whenever one of its sections changes, which changes
 * a few of its lines; parsing it all again took 0.4 s alone at 1,000 sections and about 3 s at
 * 5,000, after the page, at the end of the build.
 *
 * The page is cut before some of its list items (`<li`) into runs: before each item whose first
 * bytes hash to a multiple of {@link RUN_ITEMS}, so a cut depends on that item alone, an edit
 * changes only the run it falls in, and the runs after it stay as they were. A run is
 * parsed as part of the page; when it started between two tags, inside a list, and left the scan
 * where it found it (the same open elements, no title or link target being read) having added
 * only ids and links, it is recorded: a hash of where it started and of its bytes, and where its
 * ids and links lie in the scan. The next scan of the page that comes to a run with the same hash,
 * at a point between two tags, takes its ids and links from the last scan and leaves the run out
 * of the parse: a run that closes every element it opens leaves the parser as it found it, so
 * what follows parses as it would have. Whatever does not qualify is parsed. The result is the
 * scan of the whole page, byte for byte (tests/links/scan-runs.test.ts checks it against
 * scanPage on arbitrary pages and edits).
 */
import crypto from 'node:crypto';
import { htmlStream } from '../lib/html-pass.ts';
import { pageScanner, type PageScan, type ScanCounts } from './scan-page.ts';

/** Pages smaller than this are parsed whole. */
export const RUNS_FROM_BYTES = 256 * 1024;
/** About how many list items a run holds (a source page's line is about 600 bytes). */
export const RUN_ITEMS = 64;

/** A run of a page whose scan can be reused: its hash, and where its ids and links lie in the page's scan. */
export interface ScanRun {
  key: string;
  idStart: number;
  ids: number;
  linkStart: number;
  links: number;
}

/** A scan and the runs recorded in it. */
export interface RunScan {
  scan: PageScan;
  runs: ScanRun[];
}

/** Sizes: pages from `from` bytes are cut into runs of about `items` list items. */
export interface RunSizes {
  from: number;
  items: number;
}

const SIZES: RunSizes = { from: RUNS_FROM_BYTES, items: RUN_ITEMS };

/** How many first bytes of an item decide whether a run starts there. */
const CUT_WINDOW = 48;

/** Where each list item starts: `<li` then a space, `>` or `/`. */
function itemStarts(html: string): number[] {
  const starts: number[] = [];
  for (let at = html.indexOf('<li'); at !== -1; at = html.indexOf('<li', at + 3)) {
    const next = html[at + 3];
    if (next === ' ' || next === '>' || next === '/' || next === '\n' || next === '\t') starts.push(at);
  }
  return starts;
}

/**
 * The page cut into runs: [start, end) pairs, from the first list item to the last, cut before
 * each item whose first {@link CUT_WINDOW} characters hash to a multiple of `items`.
 */
function runsOf(html: string, items: number): [number, number][] {
  const starts = itemStarts(html);
  const runs: [number, number][] = [];
  let from = starts[0];
  for (const at of starts.slice(1)) {
    if (from === undefined || cutHash(html, at) % items !== 0) continue;
    runs.push([from, at]);
    from = at;
  }
  return runs;
}

/** FNV-1a of the window, then mixed (MurmurHash3's finaliser): FNV's low bits alone barely differ between items that differ in a digit. */
function cutHash(html: string, at: number): number {
  let hash = 0x811c9dc5;
  const end = Math.min(html.length, at + CUT_WINDOW);
  for (let i = at; i < end; i++) hash = Math.imul(hash ^ html.charCodeAt(i), 0x01000193);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

const added = (before: ScanCounts, after: ScanCounts): boolean =>
  after.duplicateIds === before.duplicateIds && after.targets === before.targets && after.title === before.title
  && after.refresh === before.refresh && after.noindex === before.noindex;

/**
 * Scans `html`, reusing the runs of `last` (the last scan of the same page) whose hash comes again;
 * the result equals `scanPage(html)`, with the runs recorded for the next scan and how many runs
 * were reused.
 */
export function scanReusingRuns(html: string, last?: RunScan, sizes: RunSizes = SIZES): RunScan & { reused: number } {
  const scanner = pageScanner();
  const stream = htmlStream([scanner]);
  const known = new Map((last?.runs ?? []).map((run) => [run.key, run]));
  const lastIds = last && known.size ? [...last.scan.ids] : [];
  const runs: ScanRun[] = [];
  // Bytes left out of the parse so far: the parser counts only what it was given.
  let skipped = 0;
  let reused = 0;
  let at = 0;
  for (const [start, end] of html.length >= sizes.from ? runsOf(html, sizes.items) : []) {
    stream.write(html.slice(at, start));
    at = start;
    const place = scanner.place();
    // Between two tags (the last event ended just before the run), inside a list, reading no text.
    const between = stream.lastEnd() + skipped === start - 1 && !place.collecting && /\b(ol|ul)$/.test(place.open);
    if (!between) continue;
    const key = crypto.createHash('sha1').update(place.open).update('\0').update(html.slice(start, end)).digest('base64');
    const before = scanner.counts();
    const reuse = known.get(key);
    if (reuse && last) {
      scanner.absorb(lastIds.slice(reuse.idStart, reuse.idStart + reuse.ids), last.scan.links.slice(reuse.linkStart, reuse.linkStart + reuse.links));
      skipped += end - start;
      reused++;
      at = end;
    } else {
      stream.write(html.slice(start, end));
      at = end;
    }
    const after = scanner.counts();
    // Recorded when it added only ids (none of them a duplicate) and links, and left the scan as it found it.
    if (added(before, after) && after.ids - before.ids === (reuse?.ids ?? after.ids - before.ids) && stream.lastEnd() + skipped === end - 1 && scanner.place().open === place.open && !scanner.place().collecting) {
      runs.push({ key, idStart: before.ids, ids: after.ids - before.ids, linkStart: before.links, links: after.links - before.links });
    }
  }
  stream.write(html.slice(at));
  stream.end();
  return { scan: scanner.result(), runs, reused };
}
