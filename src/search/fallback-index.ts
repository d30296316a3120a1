/**
 * The small search index used where Pagefind cannot run: a page opened from `file://` (no fetch,
 * no module import, no WebAssembly from disk) or a host that fails to serve Pagefind's files.
 *
 * It is a plain script (`search-index.js`) that sets one global, so a `<script>` tag can load it
 * from disk. It holds no body text, only each section's title, URL, summary and, per heading
 * segment, the set of distinct words in it: enough to find a section and deep-link to the heading,
 * at a fraction of the size of the text. `assets/search.js` loads it only on search.html, and only
 * when it needs it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { own, readHtml, type HtmlReader } from '../lib/html-pass.ts';
import { collapseWhitespace } from '../lib/text.ts';
import { searchIndexPath } from '../lib/urls.ts';

/** One heading segment of a page: the anchor (empty for the text before the first heading), its title and its words. */
export type FallbackSegment = [anchor: string, title: string, words: string];

/** One indexed page. Keys are one letter: the index is shipped to browsers, so every byte counts. */
export interface FallbackPage {
  /** Title (the page's h1). */
  t: string;
  /** URL relative to the site root, e.g. `history/revolution-and-recognition.html`. */
  u: string;
  /** Summary shown as the result's excerpt (the page's meta description). */
  s: string;
  /** Heading segments, in page order. */
  h: FallbackSegment[];
}

export interface FallbackIndex {
  version: 1;
  pages: FallbackPage[];
}

/** The global the script sets; `assets/search.js` reads the same name. */
export const FALLBACK_GLOBAL = '__siteSearchIndex';

/**
 * What neither index reads (Pagefind gets the same list): navigation, self-links, badges and
 * note marks are not content; headings of asides (the fact box) would make "Facts" a sub-result,
 * so their text joins the segment before. {@link isExcluded} is the same list for a streaming
 * reader; tests/offline/fallback-index.test.ts checks the two agree.
 */
export const EXCLUDED_SELECTORS = ['[data-pagefind-ignore]', 'nav', '.toc', '.self-link', '.badge', '.repair-ref', 'aside h2', 'aside h3'];

const EXCLUDED_CLASSES = new Set(['toc', 'self-link', 'badge', 'repair-ref']);
const ASIDE_HEADINGS = new Set(['h2', 'h3']);

/** Whether an element matches {@link EXCLUDED_SELECTORS}; `inAside`: it has an `<aside>` ancestor. */
export function isExcluded(name: string, attrs: Record<string, string>, inAside: boolean): boolean {
  if ('data-pagefind-ignore' in attrs || name === 'nav') return true;
  if (inAside && ASIDE_HEADINGS.has(name)) return true;
  return (attrs['class'] ?? '').split(/[ \t\n\f\r]+/).some((c) => EXCLUDED_CLASSES.has(c));
}

/**
 * Lowercased words of `text`: letters and digits of any script, diacritics folded so "Kyiv" and
 * "Kýiv" meet. The browser script folds queries the same way (`words` in assets/search.js).
 */
export function words(text: string): string[] {
  const folded = text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
  return folded.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * The index entry of one built page, or null when the page is not searchable (no
 * `data-pagefind-body`, the same rule Pagefind applies).
 *
 * @param html the built page
 * @param url the page's path from the site root
 */
export function indexPage(html: string, url: string): FallbackPage | null {
  const reader = searchEntryReader(url);
  readHtml(html, [reader]);
  return reader.result();
}

interface Open {
  name: string;
  /** The first `[data-pagefind-body]`: what is indexed. */
  root: boolean;
  /** Matches {@link EXCLUDED_SELECTORS} inside the root: left out with everything in it. */
  excluded: boolean;
  aside: boolean;
  /** `<script>`/`<style>` inside the root: no words of its own (a heading's title still keeps them). */
  raw: boolean;
  /** A heading with an id, which starts a segment. */
  heading: boolean;
  /** The root's first `<h1>`, the page's title. */
  h1: boolean;
  /** A word break was written at its start, so one is written at its end. */
  spaced: boolean;
}

const SEGMENT_HEADING = /^h[2-6]$/;

/**
 * A reader (see src/lib/html-pass.ts) that makes a page's index entry while it streams past, so
 * the build reads each page once for the link check and this index together. Inside the first
 * `[data-pagefind-body]`, minus what {@link EXCLUDED_SELECTORS} names: the first `h1` is the
 * title (else `<title>`); each `h2`–`h6` with an id starts a segment titled with its text; the
 * words of each segment are the text inside the root's child elements up to the next such
 * heading, with every element boundary a word break ("end.<p>Start").
 */
export function searchEntryReader(url: string): HtmlReader<FallbackPage | null> {
  const stack: Open[] = [];
  let rootState: 'before' | 'inside' | 'after' = 'before';
  let excludedDepth = 0;
  let asideDepth = 0;
  let rawDepth = 0;
  let titleDepth = 0;
  const titleText: string[] = [];
  let summary: string | undefined;
  let h1: string[] | undefined;
  let inH1 = false;
  const segments: { anchor: string; title: string; text: string[] }[] = [{ anchor: '', title: '', text: [] }];
  let heading: { anchor: string; text: string[] } | undefined;
  const write = (text: string) => segments[segments.length - 1]?.text.push(text);

  return {
    onopentag(name, attrs) {
      const inRoot = rootState === 'inside';
      const open: Open = {
        name,
        root: rootState === 'before' && 'data-pagefind-body' in attrs,
        excluded: inRoot && excludedDepth === 0 && isExcluded(name, attrs, asideDepth > 0),
        aside: name === 'aside',
        raw: false,
        heading: false,
        h1: false,
        spaced: false,
      };
      if (name === 'title') titleDepth++;
      if (name === 'meta' && summary === undefined && attrs['name'] === 'description') summary = own(attrs['content'] ?? '');
      if (open.root) rootState = 'inside';
      if (open.aside) asideDepth++;
      if (open.excluded) excludedDepth++;
      if (inRoot && excludedDepth === 0) {
        if (name === 'h1' && h1 === undefined) {
          h1 = [];
          inH1 = open.h1 = true;
        }
        if (heading === undefined && rawDepth === 0) {
          if (name === 'script' || name === 'style') open.raw = true;
          else if (SEGMENT_HEADING.test(name) && attrs['id']) {
            heading = { anchor: own(attrs['id']), text: [] };
            open.heading = true;
          } else {
            write(' ');
            open.spaced = true;
          }
        }
      }
      if (open.raw) rawDepth++;
      stack.push(open);
    },
    ontext(text) {
      if (titleDepth > 0) titleText.push(text);
      if (rootState !== 'inside' || excludedDepth > 0) return;
      if (inH1) h1?.push(text);
      if (heading) heading.text.push(text);
      // Text right inside the root is not read, only the text of its elements.
      else if (rawDepth === 0 && !stack[stack.length - 1]?.root) write(text);
    },
    onclosetag(name) {
      // Pop to the matching element: the parser reports implied closes too, so this stays in step.
      while (stack.length) {
        const open = stack.pop();
        if (!open) break;
        if (open.name === 'title') titleDepth--;
        if (open.aside) asideDepth--;
        if (open.raw) rawDepth--;
        if (open.h1) inH1 = false;
        if (open.excluded) excludedDepth--;
        if (open.spaced) write(' ');
        if (open.heading && heading) {
          const title = collapseWhitespace(heading.text.join(''));
          segments.push({ anchor: heading.anchor, title, text: [title] });
          heading = undefined;
        }
        if (open.root) rootState = 'after';
        if (open.name === name) break;
      }
    },
    result() {
      if (rootState === 'before') return null;
      const title = collapseWhitespace((h1 ?? []).join('')) || collapseWhitespace(titleText.join(''));
      const first = segments[0];
      if (first) first.title = title;
      const h: FallbackSegment[] = segments
        .map((s): FallbackSegment => [s.anchor, s.title, [...new Set(words(s.text.join('')))].join(' ')])
        .filter(([anchor, , w]) => anchor !== '' || w !== '');
      return { t: title, u: url, s: collapseWhitespace(summary ?? ''), h };
    },
  };
}

/** The text of `search-index.js`: one statement setting the global, data as JSON (never code). */
export function fallbackScript(index: FallbackIndex): string {
  // JSON is valid JS; escaping "<" keeps a stray "</script>" in data harmless if ever inlined.
  const json = JSON.stringify(index).replace(/</g, '\\u003c');
  return `// Search index for pages opened from disk (file://). Generated at build time; see docs/offline.md.\nwindow.${FALLBACK_GLOBAL} = ${json};\n`;
}

/** Writes `search-index.js` (see fallback-index.ts) of these pages, in this order, into `outDir`; returns its page count and size. */
export function writeFallback(outDir: string, pages: readonly FallbackPage[]): { pages: number; bytes: number } {
  const script = fallbackScript({ version: 1, pages: [...pages] });
  fs.writeFileSync(path.join(outDir, searchIndexPath()), script);
  return { pages: pages.length, bytes: Buffer.byteLength(script) };
}
