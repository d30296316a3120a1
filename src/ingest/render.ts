import { escapeMdxText } from './escape.ts';
import { emitYaml, type YamlValue } from './yaml-emit.ts';

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

/** A whole MDX file: frontmatter and body. */
export const renderMdx = (frontmatter: { readonly [key: string]: YamlValue | undefined }, body: string): string => `---\n${emitYaml(frontmatter)}---\n\n${body}\n`;
