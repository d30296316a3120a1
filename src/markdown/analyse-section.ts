import { createProcessor } from '@mdx-js/mdx';
import type { Node, Parent, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import { VFile } from 'vfile';
import { sentenceAround } from '../lib/sentences.ts';
import type { PagePath } from '../lib/urls.ts';
import remarkAnchors from './anchors.ts';
import { isEditorial, renderedProperty } from './editorial.ts';
import { linkFirstMentions } from './entity-links.ts';
import type { EntityMatcher } from './entity-matcher.ts';
import remarkRepairs, { repairIndexOfMarkId } from './repairs.ts';
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

export interface SectionInput {
  /** Absolute path of the section file (decides its page, as in the build). */
  filePath: string;
  page: PagePath;
  /** The MDX body, without frontmatter. */
  body: string;
  /** The frontmatter; only `repairs` is read. */
  frontmatter: Record<string, unknown>;
}

/**
 * Returns a function that runs a section body through the same plugins as the build (anchors,
 * repairs, entity links with `matcher`) and reads off paragraphs, mentions, repair places and
 * links. This is a second parse of the body: a build records the same analysis during its own
 * MDX compile (`record-analysis.ts`), so this only fills in bodies with no record (dev mode,
 * before a page compiles) and is the reference the tests compare the records with.
 */
export function createSectionAnalyser(matcher: EntityMatcher): (input: SectionInput) => SectionAnalysis {
  const processor = createProcessor({ format: 'mdx', remarkPlugins: [remarkGfm] });
  const anchors = remarkAnchors();
  const repairs = remarkRepairs();
  return (input) => {
    const file = new VFile({ path: input.filePath, value: input.body, data: { astro: { frontmatter: input.frontmatter } } } as ConstructorParameters<typeof VFile>[0]);
    const tree = processor.parse(file) as Root;
    anchors(tree, file);
    repairs(tree, file);
    linkFirstMentions(tree, matcher, input.page);
    return analyseTree(tree);
  };
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
