import type { Heading, Paragraph, Root } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import remarkAnchors from '../../src/markdown/anchors.ts';

/** The mdast of an MDX body after the anchors plugin. */
function anchored(mdx: string): Root {
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkAnchors);
  return processor.runSync(processor.parse(mdx), new VFile({ value: mdx, path: 'test.mdx' })) as Root;
}
const idOf = (node: Heading | Paragraph | undefined) => node?.data?.hProperties?.id;
const aliasesOf = (node: Heading | Paragraph | undefined) =>
  (node?.children ?? []).filter((c) => c.data?.hName === 'span').map((c) => c.data?.hProperties);

describe('anchor ids and aliases', () => {
  it('takes the first id of a marker as the id and the rest as aliases at the start of the element', () => {
    const tree = anchored('## The Lisbon Summit {/* #lisbon-2010 lisbon-summit #older */}\n\nText. {/* #p-text */}\n');
    const [heading, paragraph] = tree.children as [Heading, Paragraph];
    expect(idOf(heading)).toBe('lisbon-2010');
    expect(aliasesOf(heading)).toEqual([
      { id: 'lisbon-summit', 'data-editorial': '', 'data-anchor-alias': '' },
      { id: 'older', 'data-editorial': '', 'data-anchor-alias': '' },
    ]);
    expect(heading.children.findIndex((c) => c.data?.hName === 'span')).toBe(0);
    expect(idOf(paragraph)).toBe('p-text');
    expect(aliasesOf(paragraph)).toEqual([]);
  });

  it('gives an unmarked paragraph an id from its own words, unchanged by edits elsewhere', () => {
    const before = anchored('Alpha words.\n\nBeta words.\n');
    const after = anchored('Something new first.\n\nAlpha words.\n\nBeta words, edited.\n');
    expect(idOf(after.children[1] as Paragraph)).toBe(idOf(before.children[0] as Paragraph));
    expect(idOf(after.children[2] as Paragraph)).not.toBe(idOf(before.children[1] as Paragraph));
  });

  it('fails on an alias that repeats an id of the section, naming both lines', () => {
    expect(() => anchored('## A {/* #a */}\n\nText. {/* #p-x a */}\n')).toThrow('Duplicate anchor id "#a" (line 3, first used on line 1)');
  });

  it('fails on an alias that is not a slug, showing the alias syntax', () => {
    expect(() => anchored('## A {/* #a Old_Id */}\n')).toThrow('Anchor "#Old_Id" is not a slug');
  });
});
