/**
 * Escaping scraped text so that MDX reads it as the same characters and never as code or
 * markup. Scraped text is data. The escaping is minimal so the MDX stays readable for the
 * editors who curate it ("U.S." stays "U.S."), and complete for what MDX, CommonMark and GFM
 * could read as syntax: inline specials everywhere, block markers where a line begins, and the
 * shapes GFM would turn into autolinks.
 */

// Characters with inline meaning: escapes, code, emphasis, JSX/expressions, links, HTML,
// GFM tables and strikethrough, entity references.
const INLINE_SPECIALS = /[\\`*_{}[\]<>|~&]/g;

/** Escapes one paragraph (or line) of scraped text for use as MDX paragraph content. */
export function escapeMdxText(text: string): string {
  return text
    .split('\n')
    .map((line) => escapeLineStart(escapeAutolinks(line.replace(INLINE_SPECIALS, (ch) => `\\${ch}`))))
    .join('\n');
}

/** Block syntax is only read at the start of a line (after up to three spaces). */
function escapeLineStart(line: string): string {
  return line
    .replace(/^(\s*)([#>+=:-])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** GFM links bare `www.`, `http(s)://` and `a@b.c` forms; break them with escapes. */
function escapeAutolinks(line: string): string {
  return line
    .replace(/(www)\./gi, '$1\\.')
    .replace(/([a-z]):(\/\/)/gi, '$1\\:$2')
    .replace(/@/g, '\\@');
}
