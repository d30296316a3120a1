import type { HtmlReader, TagRange } from '../lib/html-pass.ts';

/**
 * What Pagefind needs of a section page: its `<head>` and the `[data-pagefind-body]` element,
 * without the navigation, sidebar and footer around it (about half the page). Pagefind reads
 * nothing outside the body element once any page has one, so its index is the same (checked
 * file by file in tests/search/pagefind-input.test.ts) for less parsing in its process.
 *
 * A reader (see src/lib/html-pass.ts) that notes where `</head>` and the first
 * `[data-pagefind-body]` element end in the page; `result()` gives those places (three numbers,
 * small enough to keep between builds: src/site-pass/page-cache.ts), or `'whole'` when it could not
 * find both (then Pagefind reads the whole page, as before). {@link pagefindInput} cuts the page.
 */
export function pagefindInputReader(html: string): HtmlReader<PagefindSlices> {
  let headEnd: number | undefined;
  let root: { start: number; end?: number } | undefined;
  let depth = 0;
  let inRoot = false;
  return {
    onopentag(_name, attrs, at: TagRange) {
      if (inRoot) depth++;
      else if (!root && 'data-pagefind-body' in attrs) {
        root = { start: at.start };
        inRoot = true;
        depth = 1;
      }
    },
    ontext() {},
    onclosetag(name, at: TagRange) {
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
      return [headEnd, root.start, root.end];
    },
  };
}

/** Where a page's Pagefind input lies in it: the end of its head, the start and end of its searchable element; or the whole page. */
export type PagefindSlices = readonly [headEnd: number, bodyStart: number, bodyEnd: number] | 'whole';

/** The page as Pagefind gets it: its head and searchable element as a document, or the whole page. */
export function pagefindInput(html: string, slices: PagefindSlices): string {
  if (slices === 'whole') return html;
  const [headEnd, start, end] = slices;
  return `${html.slice(0, headEnd)}<body>${html.slice(start, end)}</body></html>`;
}

/** The index just past the end tag at `at`, or its start when the close was implied (no `</name>` there). */
function explicitEnd(html: string, at: TagRange, name: string): number {
  return html.startsWith(`</${name}`, at.start) ? at.end + 1 : at.start;
}
