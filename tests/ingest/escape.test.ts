import { evaluate } from '@mdx-js/mdx';
import fc from 'fast-check';
import remarkGfm from 'remark-gfm';
import { describe, expect, it } from 'vitest';
import { escapeMdxText } from '../../src/ingest/escape.ts';
import { collapse } from '../helpers/site.ts';

/**
 * A minimal JSX runtime: evaluating compiled MDX with it yields a plain tree of
 * `{ type, props }` nodes, so we see exactly which elements the text turned into.
 */
interface Node { type: unknown; props: { children?: unknown } }
const Fragment = Symbol('Fragment');
const jsx = (type: unknown, props: Node['props']): Node => ({ type, props });
const runtime = { Fragment, jsx, jsxs: jsx, jsxDEV: jsx };

/** Renders `mdx` and returns the element names it produced and the text it shows. */
async function render(mdx: string): Promise<{ elements: string[]; text: string }> {
  const mod = await evaluate(mdx, { ...runtime, remarkPlugins: [remarkGfm], development: false });
  const elements: string[] = [];
  let text = '';
  const walk = (value: unknown): void => {
    if (typeof value === 'string') text += value;
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object' && 'props' in value) {
      const node = value as Node;
      if (typeof node.type === 'string') elements.push(node.type);
      else if (node.type !== Fragment) elements.push(String(node.type));
      walk(node.props.children);
    }
  };
  walk(mod.default({}));
  return { elements, text };
}

// Fragments that mean something to MDX, CommonMark or GFM, mixed with arbitrary text.
const HAZARDS = [
  '{', '}', '{1+1}', '<', '>', '<div>', '</p>', '<Foo bar="1" />', 'import x from "y"', 'export const a = 1',
  '---', '***', '___', '===', '# ', '## h', '> ', '1. ', '2) ', '- ', '+ ', '* ', '_', '*', '__b__', '`', '```', '~~~',
  '~~s~~', '<!-- c -->', '\\', '\\\\', '\\*', '[a](b)', '![i](j)', '[^1]', '| a | b |', '|---|', 'www.example.com',
  'https://x.org', 'a@b.co', '&amp;', '&#123;', '&copy', '$x$', ':::', '    code', '\t', '  ', '\n', '\r\n', '\r',
  'U.S.', 'Dec. 6', 'No. 5', 'é', '漢字', '🙂', '\u00a0', '\u200b', "'", '"', '(', ')', '!', '%', '^',
];

const hazardText = fc
  .array(fc.oneof(fc.constantFrom(...HAZARDS), fc.string({ unit: 'grapheme', maxLength: 6 }), fc.constantFrom(' ', 'a', 'Word')), { maxLength: 14 })
  .map((parts) => parts.join(''))
  // A paragraph holds no blank line, no NUL (markdown turns it into U+FFFD; ingest rejects it as
  // binary) and some visible text.
  .filter((s) => !/(^|\n|\r)[ \t]*(\r\n|\r|\n|$)/.test(s) && !s.includes('\0') && s.trim() !== '');

describe('escapeMdxText', () => {
  it('keeps plain prose readable', () => {
    expect(escapeMdxText('The U.S. and Russia signed it on Dec. 6, No. 5.')).toBe('The U.S. and Russia signed it on Dec. 6, No. 5.');
  });

  it('renders 1000 generated hazardous strings as the same text in one paragraph, and nothing else', async () => {
    await fc.assert(
      fc.asyncProperty(hazardText, async (input) => {
        const { elements, text } = await render(escapeMdxText(input));
        expect(elements).toEqual(['p']);
        expect(collapse(text)).toBe(collapse(input));
      }),
      { numRuns: 1000 },
    );
  });

  it.each<[string]>([
    ['import x from "y"'], ['export const a = 1'], ['{alert(1)}'], ['<script>alert(1)</script>'], ['---'], ['# not a heading'],
    ['1. not a list'], ['<!-- not a comment -->'], ['see https://x.org or www.x.org'], ['mail a@b.co'], ['a  \nb'], ['a\r# b'], ['trailing \\'],
  ])('renders %j as text', async (input) => {
    const { elements, text } = await render(escapeMdxText(input));
    expect(elements).toEqual(['p']);
    expect(collapse(text)).toBe(collapse(input));
  });
});
