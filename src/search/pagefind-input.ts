import type { HtmlReader, TagRange } from '../lib/html-pass.ts';

/**
 * What Pagefind needs of a section page: its `<head>` without its `<style>` elements, and the
 * `[data-pagefind-body]` element, without the navigation, sidebar and footer around it. The styles
 * are inlined on every page (astro.config.mjs: `inlineStylesheets`), about 13 KB of a 33 KB
 * section page, and Pagefind indexes no text of them; the navigation is outside the body element,
 * and Pagefind reads nothing outside it once any page has one. So its index is the same (checked
 * file by file in tests/search/pagefind-input.test.ts) for about half the input: less to send to
 * its process, and less for it to parse, on every page of a cold build and of each shard an edit
 * indexes again (src/search/pagefind-shards.ts).
 *
 * A reader (see src/lib/html-pass.ts) that notes where the head's styles lie, where `</head>` and
 * where the first `[data-pagefind-body]` element ends in the page; `result()` gives those places
 * (a few numbers, small enough to keep between builds: src/site-pass/page-cache.ts), or `'whole'`
 * when it could not find both ends (then Pagefind reads the whole page, as before).
 * {@link pagefindInput} cuts the page.
 */
export function pagefindInputReader(html: string): HtmlReader<PagefindSlices> {
  let headEnd: number | undefined;
  let root: { start: number; end?: number } | undefined;
  let depth = 0;
  let inRoot = false;
  const styles: [number, number][] = [];
  let styleStart: number | undefined;
  return {
    onopentag(name, attrs, at: TagRange) {
      if (name === 'style' && headEnd === undefined && !inRoot) styleStart = at.start;
      if (inRoot) depth++;
      else if (!root && 'data-pagefind-body' in attrs) {
        root = { start: at.start };
        inRoot = true;
        depth = 1;
      }
    },
    ontext() {},
    onclosetag(name, at: TagRange) {
      if (name === 'style' && styleStart !== undefined) {
        // Only a style closed by its own end tag is cut: an implied close leaves the page as it is.
        if (html.startsWith('</style', at.start)) styles.push([styleStart, at.end + 1]);
        styleStart = undefined;
      }
      if (name === 'head' && headEnd === undefined) headEnd = explicitEnd(html, at, name);
      if (!inRoot || !root) return;
      depth--;
      if (depth === 0) {
        root.end = explicitEnd(html, at, name);
        inRoot = false;
      }
    },
    result() {
      if (headEnd === undefined || root?.end === undefined) return 'whole';
      const end = headEnd;
      const head: [number, number][] = [];
      let from = 0;
      for (const [start, stop] of styles) {
        if (stop > end) break;
        head.push([from, start]);
        from = stop;
      }
      head.push([from, end]);
      return { head, body: [root.start, root.end] };
    },
  };
}

/**
 * Where a page's Pagefind input lies in it: the parts of its head around the style elements, and
 * the start and end of its searchable element; or the whole page.
 */
export type PagefindSlices = { readonly head: readonly (readonly [start: number, end: number])[]; readonly body: readonly [start: number, end: number] } | 'whole';

/** The page as Pagefind gets it: its head without styles and its searchable element as a document, or the whole page. */
export function pagefindInput(html: string, slices: PagefindSlices): string {
  if (slices === 'whole') return html;
  let head = '';
  for (const [start, end] of slices.head) head += html.slice(start, end);
  return `${head}<body>${html.slice(slices.body[0], slices.body[1])}</body></html>`;
}

/** The index just past the end tag at `at`, or its start when the close was implied (no `</name>` there). */
function explicitEnd(html: string, at: TagRange, name: string): number {
  return html.startsWith(`</${name}`, at.start) ? at.end + 1 : at.start;
}
