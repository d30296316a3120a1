/** The entries of a page's table of contents: the page's own parts around its content headings. */
import type { MarkdownHeading } from 'astro';

export interface TocEntry {
  /** The id of the element the entry links to. */
  id: string;
  text: string;
  /** 1 for the page's parts, 2 for headings inside the text, 3 below those. */
  depth: number;
}

/** A heading's text without the self-link mark (`#`) the anchors plugin appends. */
const headingText = (h: MarkdownHeading): string => h.text.replace(/\s*#$/, '').trim();

/**
 * The contents of a section page: the text, its headings (h2 and h3) nested under it, then the
 * parts after it that the page actually has. Bounded by the section's own headings.
 */
export function sectionToc(textId: string, headings: MarkdownHeading[], after: TocEntry[]): TocEntry[] {
  const inner = headings
    .filter((h) => h.depth >= 2 && h.depth <= 3)
    .map((h) => ({ id: h.slug, text: headingText(h), depth: h.depth }));
  return [{ id: textId, text: 'Text', depth: 1 }, ...inner, ...after];
}
