import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDate } from '../../src/lib/build-date.ts';
import { bibtexCitation, cslJsonCitation, escapeBibtex, plainCitation, type CitationInput } from '../../src/lib/citation.ts';
import { loadPage, sectionPages, siteFiles } from '../helpers/site.ts';

const input: CitationInput = {
  id: 'history/revolution-and-recognition',
  title: 'From 1917 to 1933: 50% & more_{x}',
  topicTitle: 'History of relations',
  siteName: 'Russia–US Relations: a Reference',
  url: 'https://example.org/ref/history/revolution-and-recognition.html',
  absolute: true,
  accessed: '2026-11-28',
};

describe('citation formats', () => {
  it('writes a plain-text citation with the title, the permalink and the access date', () => {
    expect(plainCitation(input)).toBe('“From 1917 to 1933: 50% & more_{x}.” In Russia–US Relations: a Reference, History of relations. https://example.org/ref/history/revolution-and-recognition.html. Accessed 28 November 2026.');
  });

  it('says when the permalink is a path from the site root rather than an absolute URL', () => {
    const relative = { ...input, url: 'history/revolution-and-recognition.html', absolute: false };
    expect(plainCitation(relative)).toContain('history/revolution-and-recognition.html (relative to the address of this site).');
    expect(JSON.parse(cslJsonCitation(relative))[0].note).toBe('URL relative to the address of this site');
  });

  it('writes BibTeX with the key from the section id and TeX specials escaped', () => {
    expect(bibtexCitation(input)).toBe([
      '@misc{history-revolution-and-recognition,',
      '  title = {{From 1917 to 1933: 50\\% \\& more\\_\\{x\\}}},',
      '  howpublished = {Russia–US Relations: a Reference, History of relations},',
      '  url = {https://example.org/ref/history/revolution-and-recognition.html},',
      '  urldate = {2026-11-28},',
      '  note = {Accessed 28 November 2026}',
      '}',
    ].join('\n'));
  });

  it('writes CSL-JSON a reference manager reads: one webpage item with its access date', () => {
    expect(JSON.parse(cslJsonCitation(input))).toEqual([{
      id: 'history/revolution-and-recognition',
      type: 'webpage',
      title: input.title,
      'container-title': input.siteName,
      section: 'History of relations',
      URL: input.url,
      accessed: { 'date-parts': [[2026, 11, 28]] },
    }]);
  });

  it('escapes any text so BibTeX braces stay balanced and no special character is left bare', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const escaped = escapeBibtex(text);
        // Remove escapes; what is left must hold no TeX special character.
        const bare = escaped.replace(/\\(textbackslash|textasciitilde|textasciicircum)\{\}|\\[{}&%$#_]/g, '');
        expect(bare).not.toMatch(/[\\{}&%$#_~^]/);
      }),
      { numRuns: 1000 },
    );
  });

  it('takes the access date from SOURCE_DATE_EPOCH, else from the clock, and rejects a malformed epoch', () => {
    expect(buildDate({ SOURCE_DATE_EPOCH: '0' })).toBe('1970-01-01');
    expect(buildDate({ SOURCE_DATE_EPOCH: '1700000000' })).toBe('2023-11-14');
    expect(buildDate({}, () => new Date('2026-11-28T23:59:59Z'))).toBe('2026-11-28');
    expect(() => buildDate({ SOURCE_DATE_EPOCH: 'yesterday' })).toThrow('SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01');
  });
});

describe('“Cite this section” on the built pages', () => {
  it.each(sectionPages())('%s cites itself in three formats, with its permalink', (page) => {
    const $ = loadPage(page);
    const cite = $('main section.cite');
    expect(cite.find('h2#cite-heading').text()).toBe('Cite this section');
    const title = $('main h1').clone().children().remove().end().text().trim();
    const text = cite.find('#cite-text').text();
    expect(text).toContain(`“${title}.”`);
    expect(text).toContain(page);
    expect(text).toMatch(/Accessed \d{1,2} [A-Z][a-z]+ \d{4}\.$/);
    const permalink = cite.find('p:contains("Permalink:") a');
    expect(permalink.attr('href')).toBe(page.split('/')[1]);
    const formats = cite.find('details');
    expect(formats.find('summary').map((_, s) => $(s).text()).get()).toEqual(['BibTeX', 'CSL-JSON']);
    expect(formats.eq(0).find('pre').text()).toMatch(/^@misc\{[a-z0-9-]+,\n/);
    const csl = JSON.parse(formats.eq(1).find('pre').text()) as { title: string; URL: string }[];
    expect(csl[0]).toMatchObject({ title, URL: page });
  });

  it('loads copy-link.js, deferred, on section pages and nowhere else', () => {
    for (const page of siteFiles(['.html'])) {
      const scripts = loadPage(page)('script[src$="assets/copy-link.js"]');
      if (sectionPages().includes(page)) {
        expect(scripts.length, page).toBe(1);
        expect(scripts.attr('defer'), page).toBeDefined();
      } else {
        expect(scripts.length, page).toBe(0);
      }
    }
  });
});
