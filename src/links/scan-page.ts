import { own, readHtml, type HtmlReader } from '../lib/html-pass.ts';
import { collapseWhitespace } from '../lib/text.ts';

/** A URL found in a page, with where it was found (for error messages). */
export interface FoundLink {
  /** The element and attribute, e.g. `a[href]`, `meta[refresh]`. */
  where: string;
  /** The URL exactly as written in the page. */
  url: string;
}

/** A heading or paragraph of a section body: an element with an id and a self-link to it. */
export interface FoundTarget {
  id: string;
  kind: 'heading' | 'paragraph';
  /** Its source words: text without any `[data-editorial]` descendant, whitespace collapsed. */
  text: string;
  /** Earlier ids of the same words: `[data-anchor-alias]` elements inside it (see src/markdown/anchors.ts). */
  aliases: string[];
}

/** What one pass over a built page finds: everything the link check and links.json need. */
export interface PageScan {
  /** Text of `<title>`. */
  title: string;
  /** Every `id` (and `<a name>`) on the page: the fragments a link may point at. */
  ids: Set<string>;
  /** Ids that occur more than once; a fragment to them is ambiguous. */
  duplicateIds: string[];
  /** Every URL in an attribute the browser follows or loads. */
  links: FoundLink[];
  /** Headings and paragraphs inside `<main>` that link to themselves, in document order. */
  targets: FoundTarget[];
  /** The URL of `<meta http-equiv="refresh">`, which marks a page that sends readers on (an alias). */
  refresh: string | null;
  /** `<meta name="robots" content="noindex">`: the page is not a place to link to. */
  noindex: boolean;
}

/** Attributes holding one URL, per element (`*` for any element). */
const URL_ATTRIBUTES: Record<string, readonly string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  img: ['src'],
  script: ['src'],
  source: ['src'],
  track: ['src'],
  iframe: ['src'],
  embed: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  form: ['action'],
  object: ['data'],
};
const SRCSET_ELEMENTS = new Set(['img', 'source']);
const HEADINGS = new Set(['h2', 'h3', 'h4', 'h5', 'h6']);

interface Open {
  name: string;
  editorial: boolean;
  main: boolean;
  target?: { id: string; kind: FoundTarget['kind']; text: string[]; aliases: string[]; selfLinked: boolean };
}

/** Reads a built page once and returns its ids, its outgoing URLs and its link targets. */
export function scanPage(html: string): PageScan {
  const reader = pageScanner();
  readHtml(html, [reader]);
  return reader.result();
}

/**
 * Where a scan stands between two elements: the names of the open elements, and whether it is
 * inside `<title>` or a link target (whose text it is collecting). A run of the page that starts
 * and ends in the same such place adds only ids and links (see {@link PageScanner.absorb}).
 */
export interface ScanPlace {
  open: string;
  collecting: boolean;
}

/** A scan's sizes so far: what a run of the page added is the difference of two. */
export interface ScanCounts {
  ids: number;
  duplicateIds: number;
  links: number;
  targets: number;
  title: number;
  refresh: string | null;
  noindex: boolean;
}

/** The scanner, with what reusing the scan of a run of a page needs (src/links/scan-runs.ts). */
export interface PageScanner extends HtmlReader<PageScan> {
  place(): ScanPlace;
  counts(): ScanCounts;
  /** Adds the ids and links a run of the page holds, as its parse would have. */
  absorb(ids: readonly string[], links: readonly FoundLink[]): void;
}

/**
 * A reader (see src/lib/html-pass.ts) that finds a page's ids, outgoing URLs and link targets
 * while the page streams past (no DOM: a site of thousands of pages is scanned in seconds).
 *
 * A target is an `h2`–`h6` or `p` inside `<main>` that carries an id and an `<a href="#that-id">`
 * (the self-link src/markdown/anchors.ts adds): that is what marks the headings and paragraphs of
 * a section's body, as opposed to page furniture such as "On this page" or "Facts".
 */
export function pageScanner(): PageScanner {
  const scan: PageScan = { title: '', ids: new Set(), duplicateIds: [], links: [], targets: [], refresh: null, noindex: false };
  const stack: Open[] = [];
  let inTitle = false;
  let editorialDepth = 0;
  let mainDepth = 0;
  let target: Open['target'] | undefined;

  const addId = (id: string) => {
    if (scan.ids.has(id)) scan.duplicateIds.push(own(id));
    else scan.ids.add(own(id));
  };

  return {
    onopentag(name, attrs) {
      const open: Open = { name, editorial: 'data-editorial' in attrs, main: name === 'main' };
      if (attrs.id !== undefined && attrs.id !== '') addId(attrs.id);
      if (name === 'a' && attrs.name) addId(attrs.name);
      for (const attribute of URL_ATTRIBUTES[name] ?? []) {
        const value = attrs[attribute];
        if (value !== undefined) scan.links.push({ where: `${name}[${attribute}]`, url: own(value.trim()) });
      }
      if (SRCSET_ELEMENTS.has(name) && attrs.srcset) {
        for (const candidate of attrs.srcset.split(',')) {
          const url = candidate.trim().split(/\s+/)[0];
          if (url) scan.links.push({ where: `${name}[srcset]`, url: own(url) });
        }
      }
      if (name === 'meta') readMeta(attrs, scan);
      if (name === 'title') inTitle = true;
      if (open.main) mainDepth++;
      if (open.editorial) editorialDepth++;
      if (mainDepth > 0 && !target && attrs.id && (HEADINGS.has(name) || name === 'p')) {
        target = { id: own(attrs.id), kind: name === 'p' ? 'paragraph' : 'heading', text: [], aliases: [], selfLinked: false };
        open.target = target;
      }
      if (target && name === 'a' && attrs.href === `#${target.id}`) target.selfLinked = true;
      if (target && target.id !== attrs.id && 'data-anchor-alias' in attrs && attrs.id) target.aliases.push(own(attrs.id));
      stack.push(open);
    },
    ontext(text) {
      if (inTitle) scan.title += text;
      if (target && editorialDepth === 0) target.text.push(text);
    },
    onclosetag(name) {
      if (name === 'title') inTitle = false;
      // Pop to the matching element: the parser reports implied closes too, so this stays in step.
      while (stack.length) {
        const open = stack.pop();
        if (!open) break;
        if (open.editorial) editorialDepth--;
        if (open.main) mainDepth--;
        if (open.target) {
          if (open.target.selfLinked) scan.targets.push({ id: open.target.id, kind: open.target.kind, text: collapseWhitespace(open.target.text.join('')), aliases: open.target.aliases });
          target = undefined;
        }
        if (open.name === name) break;
      }
    },
    result() {
      scan.title = collapseWhitespace(scan.title);
      return scan;
    },
    place: () => ({ open: stack.map((o) => (o.editorial ? `${o.name}[data-editorial]` : o.name)).join(' '), collecting: inTitle || target !== undefined }),
    counts: () => ({ ids: scan.ids.size, duplicateIds: scan.duplicateIds.length, links: scan.links.length, targets: scan.targets.length, title: scan.title.length, refresh: scan.refresh, noindex: scan.noindex }),
    absorb(ids, links) {
      for (const id of ids) addId(id);
      for (const link of links) scan.links.push(link);
    },
  };
}

function readMeta(attrs: Record<string, string>, scan: PageScan): void {
  const equiv = attrs['http-equiv']?.toLowerCase();
  if (equiv === 'refresh' && attrs.content) {
    const match = /^\s*\d+\s*[;,]\s*url\s*=\s*['"]?([^'"]*)['"]?\s*$/i.exec(attrs.content);
    if (match?.[1] !== undefined) {
      scan.refresh = own(match[1].trim());
      scan.links.push({ where: 'meta[refresh]', url: scan.refresh });
    }
  }
  if (attrs.name?.toLowerCase() === 'robots' && /\bnoindex\b/i.test(attrs.content ?? '')) scan.noindex = true;
}
