/**
 * A section body -> its HTML, headings and analysis, in one pass of one unified pipeline.
 *
 * This is what the `sections` content loader (src/content/loaders.ts) keeps for each section
 * (src/content/section-renders.ts).
 * Sections hold text and `{/* #id *\/}` markers, no components, so they are parsed with MDX's own
 * syntax (remark-mdx, so an author's markers and escapes read as they do in any MDX tool), run
 * through the site's plugins (remark-gfm, anchors, repairs, entity links, rehype-slug), and
 * turned into HTML here, without compiling to JavaScript. Any MDX construct other than a comment
 * (JSX, an expression, an import) is a content error naming its line and column: section text is
 * data, never code.
 */
import type { Element, Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Nodes, Root } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import rehypeSlug from 'rehype-slug';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import type { PagePath } from '../lib/urls.ts';
import { analyseTree, type SectionAnalysis } from './analyse-section.ts';
import remarkAnchors from './anchors.ts';
import { linkFirstMentions } from './entity-links.ts';
import type { MarkdownHeading } from 'astro';
import type { EntityMatcher } from './entity-matcher.ts';
import remarkRepairs from './repairs.ts';

/** A heading of the rendered body: Astro's own heading type, as its `render()` returns them for the table of contents. */
export type RenderedHeading = MarkdownHeading;

export interface SectionRender {
  html: string;
  headings: RenderedHeading[];
  analysis: SectionAnalysis;
  /** Entities named in the section's repairs (restored words and notes), which no link marks in the text. */
  repairEntities: string[];
  /**
   * Every text the entity linker searched, in order: the links on the page are a function of these
   * and the matcher, so the loader can tell, without rendering again, whether a change to the
   * entities changes this section (see {@link entityMatchKey}).
   */
  linkSegments: string[];
}

/**
 * What the entities mean for a section: the matches in each text the linker searched, and the
 * entities its repairs name. Equal keys under two matchers mean the same page.
 */
export function entityMatchKey(matcher: EntityMatcher, linkSegments: readonly string[], frontmatter: Record<string, unknown>): string {
  return JSON.stringify([linkSegments.map((text) => matcher.find(text).map((m) => [m.start, m.end, m.entityId])), repairEntities(frontmatter, matcher)]);
}

export interface SectionSource {
  /** Absolute path of the file, for messages. */
  filePath: string;
  page: PagePath;
  /** The body, after the frontmatter block. */
  body: string;
  /** The file line the body starts on, so messages give file lines. */
  bodyStartLine: number;
  /** The section's frontmatter; the repairs plugin reads `repairs`. */
  frontmatter: Record<string, unknown>;
}

/** Thrown for a body that cannot render: the message names the line and column and the fix. */
export class SectionSyntaxError extends Error {
  override name = 'SectionSyntaxError';
  readonly line: number | undefined;
  readonly column: number | undefined;
  constructor(message: string, line: number | undefined, column: number | undefined) {
    super(message);
    this.line = line;
    this.column = column;
  }
}

const COMMENT_ONLY = /^\s*\/\*[\s\S]*\*\/\s*$/;

/** Returns a renderer for sections that links entity mentions with `matcher`. */
export function createSectionRenderer(matcher: EntityMatcher): (source: SectionSource) => SectionRender {
  const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);
  const anchors = remarkAnchors();
  const repairs = remarkRepairs();
  const slug = unified().use(rehypeSlug);
  return (source) => {
    const file = new VFile({
      path: source.filePath,
      value: `${'\n'.repeat(Math.max(0, source.bodyStartLine - 1))}${source.body}`,
      data: { astro: { frontmatter: source.frontmatter } },
    } as ConstructorParameters<typeof VFile>[0]);
    try {
      const tree = parser.runSync(parser.parse(file), file) as Root;
      anchors(tree, file);
      repairs(tree, file);
      const linkSegments: string[] = [];
      const recording: EntityMatcher = { size: matcher.size, find: (text) => (linkSegments.push(text), matcher.find(text)) };
      linkFirstMentions(tree, recording, source.page);
      const analysis = analyseTree(tree);
      dropCommentsRejectCode(tree);
      const hast = slug.runSync(toHast(tree) as HastRoot, file) as HastRoot;
      return { html: toHtml(hast), headings: headingsOf(hast), analysis, repairEntities: repairEntities(source.frontmatter, matcher), linkSegments };
    } catch (error) {
      throw asSyntaxError(error);
    }
  };
}

/** The entities a section's repairs name in their restored words or notes, each once, sorted. */
function repairEntities(frontmatter: Record<string, unknown>, matcher: EntityMatcher): string[] {
  const repairs = Array.isArray(frontmatter['repairs']) ? (frontmatter['repairs'] as { insert?: unknown; note?: unknown }[]) : [];
  const text = repairs.flatMap((r) => [r.insert, r.note]).filter((t): t is string => typeof t === 'string').join('\n');
  return [...new Set(matcher.find(text).map((m) => m.entityId))].sort();
}

/** Removes `{/* … *\/}` comments (they render nothing, as in MDX); any other MDX node is an error. */
function dropCommentsRejectCode(tree: Root): void {
  visit(tree as Nodes, (node, index, parent) => {
    if (node.type === 'mdxTextExpression' || node.type === 'mdxFlowExpression') {
      if (COMMENT_ONLY.test(node.value) && parent && index !== undefined) {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      throw located(`an expression {${shorten(node.value)}}, which would run as code`, 'write a literal brace as \\{ (npm run ingest escapes it for you), or remove the expression', node);
    }
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      throw located(`JSX (<${node.name ?? ''}>), which sections cannot hold: they are source text`, 'write a literal < as \\< (npm run ingest escapes it for you); components belong in the site\'s own pages under src/pages/', node);
    }
    if (node.type === 'mdxjsEsm') {
      throw located('an import or export statement, which sections cannot hold', 'remove it, or escape the first word\'s line start if it is source text', node);
    }
    return undefined;
  });
}

function located(found: string, hint: string, node: Nodes): SectionSyntaxError {
  const start = node.position?.start;
  return new SectionSyntaxError(`found ${found}. Hint: ${hint}.`, start?.line, start?.column);
}

const shorten = (text: string): string => (text.length > 40 ? `${text.slice(0, 37)}...` : text);

function asSyntaxError(error: unknown): SectionSyntaxError {
  if (error instanceof SectionSyntaxError) return error;
  const e = error as { reason?: string; message?: string; line?: number; column?: number; place?: { line?: number; column?: number; start?: { line?: number; column?: number } } };
  const place = e.place && 'start' in e.place ? e.place.start : e.place;
  const line = e.line ?? place?.line;
  const column = e.column ?? place?.column;
  const reason = (e.reason ?? e.message ?? String(error)).replace(/\s+/g, ' ').trim();
  const fromMdxSyntax = /micromark|mdx/i.test(String((error as { source?: unknown }).source ?? ''));
  const hint = fromMdxSyntax ? ' Hint: MDX reads { } < > as code: escape them in source text as \\{ \\} \\< \\> (npm run ingest does).' : '';
  return new SectionSyntaxError(`${reason}${hint}`, line, column);
}

/** The h1–h6 of the rendered body, with their ids and text (editorial marks left out). */
function headingsOf(tree: HastRoot): RenderedHeading[] {
  const headings: RenderedHeading[] = [];
  visit(tree, 'element', (node: Element) => {
    const depth = /^h([1-6])$/.exec(node.tagName)?.[1];
    if (!depth) return undefined;
    const id = node.properties['id'];
    headings.push({ depth: Number(depth), slug: typeof id === 'string' ? id : '', text: sourceText(node).trim() });
    return SKIP;
  });
  return headings;
}

function sourceText(node: Element | HastRoot | { type: string; value?: string }): string {
  if (node.type === 'text') return (node as { value: string }).value;
  if (node.type === 'element' && 'dataEditorial' in ((node as Element).properties ?? {})) return '';
  if ('children' in node) return (node.children as (Element | { type: string; value?: string })[]).map(sourceText).join('');
  return '';
}
