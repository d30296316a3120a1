/**
 * Text as it reads: every run of whitespace one space, the ends trimmed. The one definition the
 * build uses wherever it compares or shows words (paragraph ids, the link graph, entity terms,
 * link targets, the search index), so they all agree on what "the same words" means.
 */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
