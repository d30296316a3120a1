/**
 * Escaping scraped text so that MDX reads it as the same characters and never as code or
 * markup. Scraped text is data. The escaping is minimal so the MDX stays readable for the
 * editors who curate it ("U.S." stays "U.S."), and complete for what MDX, CommonMark and GFM
 * could read as syntax: inline specials everywhere, block markers where a line begins, and the
 * shapes GFM would turn into autolinks.
 *
 * The input is one paragraph: it must hold no blank line (a line of only spaces or tabs), since
 * a blank line would end the paragraph. `tests/ingest/escape.test.ts` proves the round trip
 * over generated strings through the MDX compiler the site uses.
 */

// Characters with inline meaning: escapes, code, emphasis, JSX/expressions, links, HTML,
// GFM tables and strikethrough, entity references.
const INLINE_SPECIALS = /[\\`*_{}[\]<>|~&]/g;

/** Every line ending CommonMark knows: a lone CR ends a line too, and could start a heading. */
const LINE_BREAK = /\r\n|\r|\n/;

/** Escapes one paragraph (or line) of scraped text for use as MDX paragraph content. */
export function escapeMdxText(text: string): string {
  return text
    .split(LINE_BREAK)
    // Trailing spaces or tabs before a line break would make a hard break (<br>).
    .map((line) => escapeLineStart(escapeAutolinks(line.replace(INLINE_SPECIALS, (ch) => `\\${ch}`))).replace(/[ \t]+$/, ''))
    .join('\n');
}

/** Block syntax is only read at the start of a line (after up to three spaces). */
function escapeLineStart(line: string): string {
  return line
    .replace(/^(\s*)([#>+=:-])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2')
    // MDX reads `import`/`export` at the start of a block as JavaScript. A backslash before a
    // letter is no escape, and a leading space is not enough (Astro trims the body), so the
    // first letter becomes a character reference: it renders as the same letter.
    .replace(/^(\s*)([ie])(?=mport|xport)/, (_, space: string, letter: string) => `${space}&#${letter.charCodeAt(0)};`);
}

/**
 * GFM links bare `www.`, `http(s)://` and `a@b.c` forms. It finds them in the parsed text,
 * after escapes are resolved, so a backslash cannot stop it. An empty MDX comment can: it
 * renders nothing but splits the text node where the link would start. (`bodyReadingText` in
 * src/content/load.ts drops such comments, so repairs still find their `after` text.)
 */
const SPLIT = '{/**/}';

function escapeAutolinks(line: string): string {
  if (!line.includes('@') && !line.includes('://') && !/www\./i.test(line)) return line;
  return line
    .replace(/(www)(?=\.)/gi, `$1${SPLIT}`)
    .replace(/([a-z])(?=:\/\/)/gi, `$1${SPLIT}`)
    .replace(/@/g, `@${SPLIT}`);
}
