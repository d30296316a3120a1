import type { HtmlReader, TagRange } from '../lib/html-pass.ts';

/**
 * What Pagefind needs of a section page: its `<head>` and the `[data-pagefind-body]` element,
 * without the navigation, sidebar and footer around it (about half the page). Pagefind reads
 * nothing outside the body element once any page has one, so its index is the same (checked
 * file by file in tests/search/pagefind-input.test.ts) for less parsing in its process.
 *
 * A reader (see src/lib/html-pass.ts) that notes where `</head>` and the first
 * `[data-pagefind-body]` element end in the page; `result()` gives the slices as a document, or
 * the whole page when it could not find both (then Pagefind reads it all, as before).
 */
export function pagefindInputReader(html: string): HtmlReader<string> {
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
      if (headEnd === undefined || root?.end === undefined) return html;
      return `${html.slice(0, headEnd)}<body>${html.slice(root.start, root.end)}</body></html>`;
    },
  };
}

/** The index just past the end tag at `at`, or its start when the close was implied (no `</name>` there). */
function explicitEnd(html: string, at: TagRange, name: string): number {
  return html.startsWith(`</${name}`, at.start) ? at.end + 1 : at.start;
}
