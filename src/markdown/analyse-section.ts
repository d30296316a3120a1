import type { Node, Parent, Root } from 'mdast';
import { sentenceAround } from '../lib/sentences.ts';
import { isEditorial, renderedProperty } from './editorial.ts';
import { repairIndexOfMarkId } from './repairs.ts';
import { collapseWhitespace } from '../lib/text.ts';

/** A paragraph of a section: its anchor id and its source text (editorial nodes removed). */
export interface ParagraphRecord {
  id: string;
  text: string;
}

/** The first mention of an entity in a section, as linked on the page. */
export interface MentionRecord {
  entityId: string;
  paragraphId: string;
  /** The source words that were linked, e.g. "Russia's". */
  words: string;
  /** The sentence holding the mention, source text only. */
  sentence: string;
}

/** What a section's body holds, read from the same tree the page renders. */
export interface SectionAnalysis {
  paragraphs: ParagraphRecord[];
  mentions: MentionRecord[];
  /** For each repair (by its index in frontmatter), the id of the paragraph holding its mark. */
  repairParagraphs: Map<number, string>;
  /** Hrefs of the body's own links (not entity links, not editorial), as written on the page. */
  links: string[];
}

/**
 * Reads paragraphs, mentions, repair marks and links off a section's tree once the anchors,
 * repairs and entity-link plugins have run on it: the page's tree, so the graph matches the page.
 */
export function analyseTree(tree: Root): SectionAnalysis {
  const analysis: SectionAnalysis = { paragraphs: [], mentions: [], repairParagraphs: new Map(), links: [] };
  const visitBlocks = (node: Node) => {
    if (node.type === 'paragraph') {
      const id = renderedProperty(node, 'id');
      if (id !== undefined) readParagraph(node as Parent, id, analysis);
      return;
    }
    if (node.type === 'heading') return;
    if ('children' in node) for (const child of (node as Parent).children) visitBlocks(child);
  };
  visitBlocks(tree);
  return analysis;
}

/** Collects a paragraph's source text, with the offsets of its mentions and the marks inside it. */
function readParagraph(paragraph: Parent, id: string, analysis: SectionAnalysis): void {
  let text = '';
  const found: { entityId: string; start: number; end: number }[] = [];
  const walk = (node: Node) => {
    if (isEditorial(node)) {
      markIn(node, id, analysis);
      return;
    }
    if (node.type === 'text' || node.type === 'inlineCode') {
      text += (node as Node & { value: string }).value;
      return;
    }
    if (node.type === 'break') {
      text += ' ';
      return;
    }
    const entityId = renderedProperty(node, 'data-entity');
    const start = text.length;
    if (node.type === 'link' && entityId === undefined) analysis.links.push((node as Node & { url: string }).url);
    if ('children' in node) for (const child of (node as Parent).children) walk(child);
    if (entityId !== undefined) found.push({ entityId, start, end: text.length });
  };
  for (const child of paragraph.children) walk(child);
  for (const m of found) {
    analysis.mentions.push({ entityId: m.entityId, paragraphId: id, words: text.slice(m.start, m.end), sentence: sentenceAround(text, m.start, m.end) });
  }
  analysis.paragraphs.push({ id, text: collapseWhitespace(text) });
}

/** Records a repair note mark (its link has id `repair-ref-N`) found in an editorial subtree. */
function markIn(node: Node, paragraphId: string, analysis: SectionAnalysis): void {
  const id = renderedProperty(node, 'id');
  const index = id === undefined ? undefined : repairIndexOfMarkId(id);
  if (index !== undefined) analysis.repairParagraphs.set(index, paragraphId);
  if ('children' in node) for (const child of (node as Parent).children) markIn(child, paragraphId, analysis);
}
