import type { Heading, Paragraph, Root, RootContent } from 'mdast';
import { createHash } from 'node:crypto';
import type { VFile } from 'vfile';
import { SLUG_PATTERN } from '../schemas/ids.ts';
import type {} from 'mdast-util-mdx';
import type {} from 'mdast-util-to-hast';

/**
 * Stable anchors for headings and paragraphs.
 *
 * An author fixes an id by ending the heading or paragraph with an MDX comment naming it:
 * `## The INF Treaty {/* #inf-treaty *\/}`. The comment renders nothing, so the body stays the
 * source text; this plugin moves the id onto the element and adds a visible self-link marked
 * `data-editorial`. A paragraph without one gets an id from a hash of its own words (never its
 * position), so editing other text cannot move it. Duplicate ids fail the build.
 */
export default function remarkAnchors() {
  return (tree: Root, file: VFile) => {
    const seen = new Map<string, number>();
    for (const node of tree.children) visitBlock(node, file, seen);
  };
}

const MARKER = /^\s*\/\*\s*#([^\s*]+)\s*\*\/\s*$/;

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
  const explicit = takeMarker(node, file);
  const kind = node.type === 'heading' ? 'heading' : 'paragraph';
  const id = explicit ?? `p-${hashText(plainText(node))}`;
  const line = node.position?.start.line;
  const earlier = seen.get(id);
  if (earlier !== undefined) {
    file.fail(`Duplicate anchor id "#${id}" (line ${line}, first used on line ${earlier}). Every heading and paragraph id must be unique in a section: rename one of them.`, node);
  }
  seen.set(id, line ?? 0);
  const data = (node.data ??= {});
  data.hProperties = { ...(data.hProperties ?? {}), id };
  node.children.push({
    type: 'link',
    url: `#${id}`,
    title: null,
    data: {
      hProperties: {
        className: ['self-link'],
        'data-editorial': '',
        'aria-label': kind === 'heading' ? `Link to the heading “${plainText(node).trim()}”` : 'Link to this paragraph',
      },
    },
    children: [{ type: 'text', value: kind === 'heading' ? '#' : '¶' }],
  });
}

/** Removes a trailing `{/* #id *\/}` from the block and returns the id, if there is one. */
function takeMarker(node: Block, file: VFile): string | null {
  const last = node.children.at(-1);
  if (!last || last.type !== 'mdxTextExpression') return null;
  const match = MARKER.exec(last.value);
  if (!match?.[1]) return null;
  const id = match[1];
  if (!SLUG_PATTERN.test(id)) {
    file.fail(`Anchor "#${id}" is not a slug: use lower-case letters, digits and single hyphens, e.g. {/* #inf-treaty */}.`, last);
  }
  node.children.pop();
  const before = node.children.at(-1);
  if (before?.type === 'text') before.value = before.value.replace(/[ \t]+$/, '');
  return id;
}

function plainText(node: { children?: unknown[]; value?: unknown; type?: string }): string {
  if (typeof node.value === 'string' && node.type !== 'mdxTextExpression') return node.value;
  return (node.children ?? []).map((c) => plainText(c as typeof node)).join('');
}

function hashText(text: string): string {
  return createHash('sha256').update(text.replace(/\s+/g, ' ').trim()).digest('hex').slice(0, 8);
}
