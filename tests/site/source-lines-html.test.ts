/**
 * A source page's lines (src/lib/source-lines-html.ts) take arbitrary scraped text: whatever a
 * line holds (markup, entities, quotes) it must come out as that text, never as markup, in its
 * own numbered item, with each placed part linked to its paragraph and each repair marked.
 */
import * as cheerio from 'cheerio';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sourceLinesHtml, type SourceLinesInput } from '../../src/lib/source-lines-html.ts';
import type { PagePath } from '../../src/lib/urls.ts';

const base = (lines: string[]): SourceLinesInput => ({
  path: 'sources/s.html' as PagePath,
  lines,
  dropped: new Map(),
  holders: new Map(),
  candidates: new Map(),
  shared: new Map(),
  sourceTitle: (id) => id,
  sectionTitle: (id) => `Title of ${id}`,
});

const parse = (html: string) => cheerio.load(`<ol>${html}</ol>`, null, false);

describe('source page lines', () => {
  it('keeps any scraped line as text in its own item, never as markup', () => {
    const line = fc.oneof(fc.string({ maxLength: 80 }), fc.constantFrom('<script>alert(1)</script>', '</li></ol><b>x</b>', 'a & b &amp; "c" \'d\'', '{/* x */} <img src=x onerror=alert(1)>'));
    fc.assert(fc.property(fc.array(line.filter((l) => !/[\r\n]/.test(l)), { minLength: 1, maxLength: 8 }), (lines) => {
      const $ = parse(sourceLinesHtml(base(lines)));
      const items = $('ol > li');
      expect(items.length).toBe(lines.length);
      expect($('script, img, b').length).toBe(0);
      lines.forEach((text, i) => {
        const li = items.eq(i);
        expect(li.attr('id')).toBe(`L${i + 1}`);
        if (text.trim() === '') expect(li.hasClass('source-line--blank')).toBe(true);
        else expect(li.find('.source-line__text').text()).toBe(text);
      });
    }), { numRuns: 200 });
  });

  it('links a placed part to its paragraph, marks a restored value, and says why a line was dropped', () => {
    const text = 'Talks resumed in Geneva after a pause.';
    const input: SourceLinesInput = {
      ...base([text, 'Home | About']),
      dropped: new Map([[2, 'navigation']]),
      holders: new Map([[1, [{ id: 'history/talks', title: 'Talks' }]]]),
      candidates: new Map([[1, [{
        sectionId: 'history/talks',
        paragraphs: [{ id: 'p-1', text }],
        repairs: [{ after: 'resumed', insert: ' 1985', confidence: 'high' } as never],
        repairParagraphs: new Map([[0, 'p-1']]),
      }]]]),
    };
    const $ = parse(sourceLinesHtml(input));
    const first = $('#L1');
    expect(first.find('.source-segment').attr('data-paragraph')).toBe('p-1');
    expect(first.find('.source-segment__where').attr('href')).toBe('../history/talks.html#p-1');
    expect(first.find('.source-segment__where').is('[data-editorial]')).toBe(true);
    const mark = first.find('.source-repair--restored');
    expect(mark.is('[data-editorial]')).toBe(true);
    expect(mark.text()).toContain('+1985');
    expect(first.find('.source-line__where a').attr('href')).toBe('../history/talks.html');
    expect($('#L2').hasClass('source-line--dropped')).toBe(true);
    expect($('#L2 .badge--dropped').text()).toBe('dropped: navigation text');
  });
});
