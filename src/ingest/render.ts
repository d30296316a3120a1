import { stringify } from 'yaml';
import { escapeMdxText } from './escape.ts';

/** One block of a draft body, ready to write: its kind, scraped text and anchor id. */
export interface RenderBlock {
  kind: 'heading' | 'paragraph';
  text: string;
  id: string;
}

/**
 * The body of a draft: each heading and paragraph escaped as MDX text and ended with its
 * explicit anchor `{/* #id *\/}`, blocks separated by a blank line.
 */
export function renderBody(blocks: readonly RenderBlock[]): string {
  return blocks
    .map((b) => `${b.kind === 'heading' ? '## ' : ''}${escapeMdxText(b.text)} {/* #${b.id} */}`)
    .join('\n\n');
}

/** YAML with stable formatting: no line folding, keys in the order given. */
export const toYaml = (data: unknown): string => stringify(data, { lineWidth: 0, minContentWidth: 0 });

/** A whole MDX file: frontmatter and body. */
export const renderMdx = (frontmatter: Record<string, unknown>, body: string): string => `---\n${toYaml(frontmatter)}---\n\n${body}\n`;
