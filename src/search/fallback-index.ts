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
import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';

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
 * so their text joins the segment before.
 */
export const EXCLUDED_SELECTORS = ['[data-pagefind-ignore]', 'nav', '.toc', '.self-link', '.badge', '.repair-ref', 'aside h2', 'aside h3'];

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
  // htmlparser2 (cheerio's `xml: { xmlMode: false }`) is several times faster than parse5 here, and
  // our own built pages need no error recovery. The document is ours alone, so edit it in place.
  const $ = cheerio.load(html, { xml: { xmlMode: false, decodeEntities: true } });
  const root = $('[data-pagefind-body]').first();
  if (root.length === 0) return null;
  root.find(EXCLUDED_SELECTORS.join(',')).remove();
  const title = collapse(root.find('h1').first().text()) || collapse($('title').text());
  const summary = collapse($('meta[name="description"]').attr('content') ?? '');

  const segments: { anchor: string; title: string; text: string[] }[] = [{ anchor: '', title, text: [] }];
  const walk = (node: AnyNode): void => {
    if (node.type === 'text') {
      segments[segments.length - 1]?.text.push(node.data);
      return;
    }
    if (node.type !== 'tag') return;
    const element = node as Element;
    if (/^h[2-6]$/.test(element.name) && element.attribs['id']) {
      const heading = collapse($(element).text());
      segments.push({ anchor: element.attribs['id'], title: heading, text: [heading] });
      return;
    }
    // Block boundaries separate words that the markup alone would join ("end.<p>Start").
    segments[segments.length - 1]?.text.push(' ');
    for (const child of element.children) walk(child);
    segments[segments.length - 1]?.text.push(' ');
  };
  for (const child of root.children().toArray()) walk(child);

  const h: FallbackSegment[] = segments
    .map((s): FallbackSegment => [s.anchor, s.title, [...new Set(words(s.text.join('')))].join(' ')])
    .filter(([anchor, , w]) => anchor !== '' || w !== '');
  return { t: title, u: url, s: summary, h };
}

/** The text of `search-index.js`: one statement setting the global, data as JSON (never code). */
export function fallbackScript(index: FallbackIndex): string {
  // JSON is valid JS; escaping "<" keeps a stray "</script>" in data harmless if ever inlined.
  const json = JSON.stringify(index).replace(/</g, '\\u003c');
  return `// Search index for pages opened from disk (file://). Generated at build time; see docs/offline.md.\nwindow.${FALLBACK_GLOBAL} = ${json};\n`;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
