import type { Heading, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { createHash } from 'node:crypto';
import type { VFile } from 'vfile';
import { SLUG_PATTERN } from '../schemas/ids.ts';
import { editorialData } from './editorial.ts';
import type {} from 'mdast-util-mdx';
import type {} from 'mdast-util-to-hast';
import { collapseWhitespace } from '../lib/text.ts';

/**
 * Stable anchors for headings and paragraphs.
 *
 * An author fixes an id by ending the heading or paragraph with an MDX comment naming it:
 * `## The INF Treaty {/* #inf-treaty *\/}`. The comment renders nothing, so the body stays the
 * source text; this plugin moves the id onto the element and adds a visible self-link marked
 * `data-editorial`. A paragraph without one gets an id from a hash of its own words (never its
 * position), so editing other text cannot move it. Duplicate ids fail the build.
 *
 * Ids after the first are aliases, earlier ids of the same words: `{/* #new-id old-id *\/}`.
 * Each renders as an empty `<span id="old-id" data-editorial>` at the start of the element, so a
 * link published with the old fragment still lands on these words (see docs/deep-links.md).
 */
export default function remarkAnchors() {
  return (tree: Root, file: VFile) => {
    const seen = new Map<string, number>();
    for (const node of tree.children) visitBlock(node, file, seen);
  };
}

const MARKER = /^\s*\/\*\s*#([^\s*]+)((?:\s+#?[^\s*]+)*)\s*\*\/\s*$/;

type Block = Heading | Paragraph;

function visitBlock(node: RootContent, file: VFile, seen: Map<string, number>): void {
  if (node.type === 'heading' || node.type === 'paragraph') {
    anchor(node, file, seen);
    return;
  }
  if ('children' in node && node.type !== 'table') {
    for (const child of node.children as RootContent[]) visitBlock(child, file, seen);
  }
}

function anchor(node: Block, file: VFile, seen: Map<string, number>): void {
  const marker = takeMarker(node, file);
  const kind = node.type === 'heading' ? 'heading' : 'paragraph';
  const id = marker?.id ?? `p-${hashText(plainText(node))}`;
  const line = node.position?.start.line;
  for (const each of [id, ...(marker?.aliases ?? [])]) {
    const earlier = seen.get(each);
    if (earlier !== undefined) {
      file.fail(`Duplicate anchor id "#${each}" (line ${line}, first used on line ${earlier}). Every heading and paragraph id and alias must be unique in a section: rename one of them.`, node);
    }
    seen.set(each, line ?? 0);
  }
  // Aliases first, so an old fragment scrolls to the start of these words.
  node.children.unshift(...(marker?.aliases ?? []).map(aliasTarget));
  const data = (node.data ??= {});
  data.hProperties = { ...(data.hProperties ?? {}), id };
  node.children.push({
    type: 'link',
    url: `#${id}`,
    title: null,
    data: editorialData('a', {
      className: ['self-link'],
      'aria-label': kind === 'heading' ? `Link to the heading “${plainText(node).trim()}”` : 'Link to this paragraph',
    }),
    children: [{ type: 'text', value: kind === 'heading' ? '#' : '¶' }],
  });
}

/**
 * Removes a trailing `{/* #id old-id … *\/}` from the block and returns the id and its aliases
 * (a `#` before an alias is allowed), if there is a marker.
 */
function takeMarker(node: Block, file: VFile): { id: string; aliases: string[] } | null {
  const last = node.children.at(-1);
  if (!last || last.type !== 'mdxTextExpression') return null;
  const match = MARKER.exec(last.value);
  if (!match?.[1]) return null;
  const id = match[1];
  const aliases = (match[2] ?? '').split(/\s+/).filter(Boolean).map((a) => a.replace(/^#/, ''));
  for (const each of [id, ...aliases]) {
    if (!SLUG_PATTERN.test(each)) {
      file.fail(`Anchor "#${each}" is not a slug: use lower-case letters, digits and single hyphens, e.g. {/* #inf-treaty */} or, keeping an old id as an alias, {/* #inf-treaty old-id */}.`, last);
    }
  }
  node.children.pop();
  const before = node.children.at(-1);
  if (before?.type === 'text') before.value = before.value.replace(/[ \t]+$/, '');
  return { id, aliases };
}

/** An empty, editorial `<span id=alias>`: the landing point of an old fragment. */
function aliasTarget(alias: string): PhrasingContent {
  return { type: 'emphasis', children: [], data: editorialData('span', { id: alias, 'data-anchor-alias': '' }) };
}

function plainText(node: { children?: unknown[]; value?: unknown; type?: string }): string {
  if (typeof node.value === 'string' && node.type !== 'mdxTextExpression') return node.value;
  return (node.children ?? []).map((c) => plainText(c as typeof node)).join('');
}

function hashText(text: string): string {
  return createHash('sha256').update(collapseWhitespace(text)).digest('hex').slice(0, 8);
}
