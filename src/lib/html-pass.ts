import { Parser, type Handler } from 'htmlparser2';

/** Where the current tag is in the page: the index of its `<` and of its `>` (inclusive). */
export interface TagRange {
  start: number;
  end: number;
}

/** What reads a page during one parse: parser callbacks, then `result()` once the page has ended. */
export interface HtmlReader<T> {
  onopentag(name: string, attrs: Record<string, string>, at: TagRange): void;
  ontext(text: string): void;
  /** For an implied close (no end tag in the page), `at` is where the parser noticed it. */
  onclosetag(name: string, at: TagRange): void;
  result(): T;
}

/**
 * Parses `html` once and feeds every reader the same events, so a built page read for several
 * purposes (the link check, the search fallback index) is parsed one time. Streaming, no DOM:
 * htmlparser2 with entities decoded and tag and attribute names lowercased, as cheerio reads
 * HTML. The parser reports implied and void-element closes too, so every open gets a close.
 */
export function readHtml(html: string, readers: readonly HtmlReader<unknown>[]): void {
  const stream = htmlStream(readers);
  stream.write(html);
  stream.end();
}

/** A parse fed in pieces (see {@link htmlStream}). */
export interface HtmlStream {
  write(text: string): void;
  end(): void;
  /** Where the last event ended, counted in the text written so far (-1 before any event). */
  lastEnd(): number;
}

/**
 * The parse of {@link readHtml}, fed piece by piece: the readers see the events of the pieces
 * written, as if they were one text. A caller may leave out a piece whose events it knows (a
 * piece that closes every element it opens, starting and ending between tags): the parser's
 * state after it is the state before it.
 */
export function htmlStream(readers: readonly HtmlReader<unknown>[]): HtmlStream {
  let end = -1;
  const at = (): TagRange => {
    end = parser.endIndex;
    return { start: parser.startIndex, end: parser.endIndex };
  };
  const handler: Partial<Handler> = {
    onopentag: (name, attrs) => {
      const range = at();
      readers.forEach((reader) => reader.onopentag(name, attrs, range));
    },
    ontext: (text) => {
      end = parser.endIndex;
      readers.forEach((reader) => reader.ontext(text));
    },
    onclosetag: (name) => {
      const range = at();
      readers.forEach((reader) => reader.onclosetag(name, range));
    },
  };
  const parser = new Parser(handler, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  return { write: (text) => parser.write(text), end: () => parser.end(), lastEnd: () => end };
}

/**
 * A copy of `text` that does not keep the page's HTML alive: the parser hands out slices of the
 * whole document, and holding thousands of small slices would hold thousands of whole pages.
 */
export function own(text: string): string {
  return (` ${text}`).slice(1);
}
