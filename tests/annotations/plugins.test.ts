import path from 'node:path';
import { createProcessor } from '@mdx-js/mdx';
import fc from 'fast-check';
import type { Node, Parent, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import remarkAnchors from '../../src/markdown/anchors.ts';
import { isEditorial, renderedProperty } from '../../src/markdown/editorial.ts';
import { linkFirstMentions } from '../../src/markdown/entity-links.ts';
import { createEntityMatcher } from '../../src/markdown/entity-matcher.ts';
import remarkRepairs from '../../src/markdown/repairs.ts';
import { contentDir } from '../../src/lib/content-dir.ts';
import type { PagePath } from '../../src/lib/urls.ts';

const matcher = createEntityMatcher([
  { id: 'russia', terms: ['Russia'] },
  { id: 'nato', terms: ['NATO', 'Allies'] },
  { id: 'mh17', terms: ['flight MH17'] },
]);
const processor = createProcessor({ format: 'mdx', remarkPlugins: [remarkGfm] });
const filePath = path.join(contentDir(), 'sections', 'nato-stance', 'example.mdx');
const page = 'nato-stance/example.html' as PagePath;

/** Runs the build's plugins, in the build's order, on a small body. */
function run(body: string, repairs: unknown[] = []): Root {
  const file = new VFile({ path: filePath, value: body, data: { astro: { frontmatter: { repairs } } } } as ConstructorParameters<typeof VFile>[0]);
  const tree = processor.parse(file) as Root;
  remarkAnchors()(tree, file);
  remarkRepairs()(tree, file);
  linkFirstMentions(tree, matcher, page);
  return tree;
}

const children = (node: Node): Node[] => ('children' in node ? (node as Parent).children : []);
const all = (node: Node): Node[] => [node, ...children(node).flatMap(all)];
/** The words of a node; with `source`, editorial nodes are left out, as a reader removing them would. */
function textOf(node: Node, source = false): string {
  if (source && isEditorial(node)) return '';
  if ('value' in node && typeof node.value === 'string' && (node.type === 'text' || node.type === 'inlineCode')) return node.value;
  return children(node).map((c) => textOf(c, source)).join('');
}
const entityLinks = (tree: Root) => all(tree).filter((n) => renderedProperty(n, 'data-entity') !== undefined);
const evidence = { publisher: 'NATO', url: 'https://www.nato.int/', quote: 'on 17 July 2014' };

describe('repairs plugin', () => {
  it('inserts the restored words as ins[data-editorial] right after `after`, with a note mark', () => {
    const tree = run('The downing on 17 Julycalling for justice.', [{ after: 'on 17 July', insert: ' 2014,', note: 'year lost', evidence, confidence: 'high' }]);
    const ins = all(tree).find((n) => n.data?.hName === 'ins');
    expect(ins && isEditorial(ins)).toBe(true);
    expect(ins && textOf(ins)).toBe(' 2014,');
    expect(ins && renderedProperty(ins, 'data-repair')).toBe('1');
    const mark = all(tree).find((n) => n.data?.hName === 'sup');
    expect(mark && isEditorial(mark)).toBe(true);
    expect(mark && all(mark).some((n) => n.type === 'link' && (n as Node & { url: string }).url === '#repair-1')).toBe(true);
    expect(textOf(tree)).toContain('on 17 July 2014,note 1calling');
  });

  it('leaves the source text intact once editorial nodes are removed', () => {
    const body = 'Over 3, officers were trained in and Pakistan joined in Implemented.';
    const tree = run(body, [
      { after: 'Over 3,', insert: '500', note: 'digits lost', evidence, confidence: 'medium' },
      { after: 'joined in', insert: ' 2010.', note: 'year lost', evidence, confidence: 'high' },
      { after: 'trained in', note: 'something lost, nothing restored', confidence: 'low' },
    ]);
    expect(textOf(tree, true)).toBe(body);
    expect(all(tree).filter((n) => n.data?.hName === 'ins')).toHaveLength(2);
    expect(all(tree).filter((n) => n.data?.hName === 'sup')).toHaveLength(3);
  });

  it('places a repair whose `after` crosses an entity\'s first mention, then links the mention', () => {
    // The ingest picks `after` in the text as written; the entity link it crosses comes later.
    const body = 'An accord naming Russia, which entered into force inwas reviewed. An accord naming NATO, which entered into force inwas kept.';
    const tree = run(body, [
      { after: 'Russia, which entered into force in', note: 'year lost', confidence: 'low' },
      { after: 'NATO, which entered into force in', note: 'year lost', confidence: 'low' },
    ]);
    expect(all(tree).filter((n) => n.data?.hName === 'sup')).toHaveLength(2);
    expect(entityLinks(tree).map((n) => renderedProperty(n, 'data-entity'))).toEqual(['russia', 'nato']);
    expect(textOf(tree, true)).toBe(body);
    expect(textOf(tree)).toContain('force innote 1was reviewed');
  });

  it('fails naming the file and repairs.N.after when `after` is missing or repeated', () => {
    const missing = () => run('Some text.', [{ after: 'nowhere', note: 'n', confidence: 'low' }]);
    expect(missing).toThrow(/example\.mdx: repairs\.0\.after: .*"nowhere" exactly once.*found it 0 times/);
    const twice = () => run('in in.', [{ after: 'x', note: 'n', confidence: 'low' }, { after: 'in', note: 'n', confidence: 'low' }]);
    expect(twice).toThrow(/repairs\.0\.after/);
    const inLink = () => run('See [the treaty in force](https://example.org/).', [{ after: 'in force', note: 'n', confidence: 'low' }]);
    expect(inLink).toThrow(/repairs\.0\.after: .*found it 0 times\. .*outside links/);
    const repeated = () => run('in and in.', [{ after: 'in', note: 'n', confidence: 'low' }]);
    expect(repeated).toThrow(/repairs\.0\.after: .*found it 2 times\. Quote more/);
  });
});

describe('entity links plugin', () => {
  it('links the first mention of each entity only, to its page, relative to the section', () => {
    const tree = run('Russia and NATO. Then Russia again, and Allies.\n\nRussia once more.');
    const links = entityLinks(tree);
    expect(links.map((l) => renderedProperty(l, 'data-entity'))).toEqual(['russia', 'nato']);
    expect(links.map((l) => (l as Node & { url: string }).url)).toEqual(['../entities/russia.html', '../entities/nato.html']);
    expect(links.every((l) => !isEditorial(l))).toBe(true);
  });

  it('never links inside headings, links or restored words', () => {
    const tree = run('## Russia and NATO\n\n[Russia](https://example.org/) then flight MH', [
      { after: 'flight MH', insert: '17 and Russia', note: 'n', evidence, confidence: 'high' },
    ]);
    expect(entityLinks(tree)).toEqual([]);
  });

  it('never changes the text, whatever the text', () => {
    const word = fc.constantFrom('Russia', "Russia's", 'NATO', 'Allies', 'flight MH17', 'flight', 'MH', 'the', ' ', '. ', '-', 'x', 'é');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 40 }), (words) => {
        const text = words.join('');
        const tree: Root = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: text }] }] };
        linkFirstMentions(tree, matcher, page);
        expect(textOf(tree)).toBe(text);
        const ids = entityLinks(tree).map((l) => renderedProperty(l, 'data-entity'));
        expect(new Set(ids).size).toBe(ids.length);
      }),
    );
  });
});
