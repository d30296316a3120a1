import fc from 'fast-check';
import type { Link, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { markdownLink, restReference } from '../../src/lib/citation.ts';
import { collapse, loadPage } from '../helpers/site.ts';

const PAGE = 'history/revolution-and-recognition.html';
const TITLE = 'From the Bolshevik Revolution to recognition, 1917–1933';

/** The Markdown and Sphinx link formats of "Cite this section"; copying them in Chromium: tests/deeplinks/copy-link.test.ts. */
describe('link formats in "Cite this section"', () => {
  it('shows a Markdown link with the section title and a Sphinx :ref:, each to copy, without JavaScript', () => {
    const $ = loadPage(PAGE);
    const code = (what: string) => collapse($(`.cite code[data-copy="${what}"]`).text());
    expect(code('Markdown link')).toBe(`[${TITLE}](${PAGE})`);
    expect(code('reST reference')).toBe(':ref:`ref:history/revolution-and-recognition`');
    expect($('.cite a[href$="objects.inv"]').attr('href')).toBe('../objects.inv');
    // Without SITE_URL the link shows the path; copy-link.js swaps it for the address the page is read at.
    expect($('.cite code[data-copy="Markdown link"]').attr('data-url')).toBe(PAGE);
  });

  it('writes a Markdown link that reads back as the same title and URL, whatever the title holds', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }).filter((t) => t.trim() === t && !/[\n\r]/.test(t)), fc.constantFrom('https://x.org/a b.html', 'history/a.html', 'https://x.org/(x).html'), (title, url) => {
        const tree = unified().use(remarkParse).parse(markdownLink(title, url)) as Root;
        const links: Link[] = [];
        visit(tree, 'link', (node: Link) => void links.push(node));
        expect(links).toHaveLength(1);
        expect(links[0]?.url).toBe(url);
        const words: string[] = [];
        visit(links[0] as Link, (node) => void (node.type === 'text' || node.type === 'inlineCode' ? words.push(node.value) : undefined));
        expect(words.join('')).toBe(title);
      }),
    );
  });

  it('names the inventory in the reST reference', () => {
    expect(restReference('entities/nato', 'russia')).toBe(':ref:`russia:entities/nato`');
  });
});
