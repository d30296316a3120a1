import path from 'node:path';
import * as cheerio from 'cheerio';
import fc from 'fast-check';
import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { jsonLdText, sectionJsonLd } from '../../src/lib/json-ld.ts';
import { titleFromDocumentTitle } from '../../src/lib/site.ts';
import { readSiteSettings } from '../../src/content/site-settings.ts';

const SITE_NAME = readSiteSettings(path.resolve(import.meta.dirname, '../../content')).name;
import { collapse, loadPage, sectionPages, siteFiles } from '../helpers/site.ts';

/** Link previews on the seed build (no SITE_URL), read with a parser. */
describe('link previews on every page', () => {
  const pages = siteFiles(['.html']);

  it.each(pages)('%s has Open Graph and Twitter card tags from its title and description', (page) => {
    const $ = loadPage(page);
    const meta = (attr: string, key: string) => $(`head meta[${attr}="${key}"]`).map((_, e) => $(e).attr('content')).get();
    const title = titleFromDocumentTitle(collapse($('title').text()), SITE_NAME);
    const description = $('head meta[name="description"]').attr('content');
    expect(description?.length).toBeGreaterThan(0);
    expect(meta('property', 'og:title')).toEqual([title]);
    expect(meta('property', 'og:description')).toEqual([description]);
    expect(meta('property', 'og:site_name')).toEqual([SITE_NAME]);
    expect(meta('property', 'og:type')).toEqual([sectionPages().includes(page) ? 'article' : 'website']);
    // The card takes its title and description from og:title and og:description.
    expect(meta('name', 'twitter:card')).toEqual(['summary']);
    // Without SITE_URL nothing absolute: no og:url, and a canonical only where a page stands for another.
    expect(meta('property', 'og:url')).toEqual([]);
    const canonical = $('head link[rel="canonical"]');
    expect(canonical.length).toBe($('head meta[http-equiv="refresh"]').length);
  });

  it.each(sectionPages())('%s carries JSON-LD: an Article based on its source, citing each repair’s evidence', (page) => {
    const $ = loadPage(page);
    const blocks = $('script[type="application/ld+json"]');
    expect(blocks.length).toBe(1);
    const data = JSON.parse(blocks.text()) as Record<string, any>;
    expect(data['@context']).toBe('https://schema.org');
    expect(data['@type']).toBe('Article');
    expect(data.headline).toBe(collapse($('main h1').contents().first().text()));
    expect(data.description).toBe(collapse($('main .lede').text()));
    expect(data.isPartOf).toEqual({ '@type': 'WebSite', name: SITE_NAME });
    expect(data.isBasedOn['@type']).toBe('CreativeWork');
    const sourceLink = $('#source-heading').parent().find('a').first();
    expect(data.isBasedOn.name).toBe(collapse(sourceLink.text()));
    const publishersOnPage = $('#source-heading').parent().find('a[rel~="external"]').map((_, a) => $(a).attr('href')).get();
    expect((data.isBasedOn.publisher ?? []).map((p: { url?: string }) => p.url).filter(Boolean)).toEqual(publishersOnPage);
    // One citation per evidence page named in the editorial notes, with its publisher.
    const evidence = [...new Set($('.repair-notes a.repair-note__url').map((_, a) => $(a).attr('href')).get())];
    expect((data.citation ?? []).map((c: { url: string }) => c.url)).toEqual(evidence);
    for (const citation of data.citation ?? []) expect(citation).toMatchObject({ '@type': 'CreativeWork', publisher: { '@type': 'Organization' } });
  });

  it.each(sectionPages())('%s: the JSON-LD expands with a JSON-LD processor (jsonld, safe mode), offline', async (page) => {
    const data = JSON.parse(loadPage(page)('script[type="application/ld+json"]').text()) as unknown;
    // No network: schema.org's context is stood in for by its vocabulary, so every term expands to schema.org.
    const documentLoader = async (url: string) => {
      if (url !== 'https://schema.org' && url !== 'https://schema.org/') throw new Error(`unexpected context ${url}`);
      return { contextUrl: null, documentUrl: url, document: { '@context': { '@vocab': 'https://schema.org/' } } };
    };
    const [article] = await jsonld.expand(data, { documentLoader, safe: true });
    expect(article?.['@type']).toEqual(['https://schema.org/Article']);
    expect(article?.['https://schema.org/headline']).toEqual([{ '@value': (data as { headline: string }).headline }]);
    expect(article?.['https://schema.org/isBasedOn']).toEqual([expect.objectContaining({ '@type': ['https://schema.org/CreativeWork'] })]);
  });

  it('cites the evidence of the seed’s repairs on the page that has them', () => {
    const $ = loadPage('history/revolution-and-recognition.html');
    const data = JSON.parse($('script[type="application/ld+json"]').text()) as { citation: { url: string; publisher: { name: string } }[] };
    expect(data.citation).toContainEqual({ '@type': 'CreativeWork', url: 'https://2009-2017.state.gov/r/pa/ei/bgn/3183.htm', publisher: { '@type': 'Organization', name: 'U.S. Department of State' } });
  });
});

describe('JSON-LD is emitted safely', () => {
  const input = (title: string) => ({
    title,
    summary: 'A summary.',
    url: undefined,
    site: { name: 'Site', url: undefined },
    source: { title: 'Source', url: undefined, publishers: [] },
    repairs: [],
  });

  it('escapes "<", ">" and "&", so no text can close the script element, and reads back unchanged', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constantFrom('</script><script>alert(1)</script>', '<!-- x', '</SCRIPT >', 'a & b > c', '\u2028')), (title) => {
        const text = jsonLdText(sectionJsonLd(input(title)));
        expect(text).not.toMatch(/[<>&\u2028\u2029]/);
        const $ = cheerio.load(`<!doctype html><html><head><script type="application/ld+json">${text}</script></head><body><p id="after">x</p></body></html>`);
        expect($('script').length).toBe(1);
        expect($('#after').text()).toBe('x');
        expect(JSON.parse($('script').text()).headline).toBe(title);
      }),
    );
  });

  it('leaves out what is unknown rather than writing empty fields', () => {
    const json = sectionJsonLd(input('T'));
    expect(json).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Article',
      headline: 'T',
      description: 'A summary.',
      isPartOf: { '@type': 'WebSite', name: 'Site' },
      isBasedOn: { '@type': 'CreativeWork', name: 'Source' },
    });
  });
});
