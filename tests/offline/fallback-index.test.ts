/** The plain-script search index used from file://: what it keeps from a page, and its script form. */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import * as cheerio from 'cheerio';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXCLUDED_SELECTORS, FALLBACK_GLOBAL, fallbackScript, indexPage, isExcluded, words } from '../../src/search/fallback-index.ts';
import { indexPageOnDom } from '../helpers/fallback-oracle.ts';
import { siteDir, siteFiles } from '../helpers/site.ts';

const page = `<!doctype html><html><head><title>T · Site</title><meta name="description" content="A summary."></head><body>
<nav><a href="x.html">Navigation words</a></nav>
<article data-pagefind-body><header><h1>The INF Treaty<span class="badge">unreviewed</span></h1></header>
<aside class="fact-box"><h2 id="facts-heading">Facts</h2><p>Signed 1987</p></aside>
<nav class="toc"><a href="#what">Contents entry</a></nav>
<h2 id="what">What the treaty did<a class="self-link" href="#what">#</a></h2><p>Eliminated <b>intermediate</b>-range missiles.</p><p>Kýiv end.</p>
<h2 id="breach">Breach of trust</h2><p>Russia's 9M729.<sup class="repair-ref"><a href="#n">note 1</a></sup></p>
<section data-pagefind-ignore><h2 id="notes">Notes</h2><p>Ignored words</p></section>
</article></body></html>`;

describe('fallback search index', () => {
  it('keeps title, summary and one segment per heading, with the words under it', () => {
    const entry = indexPage(page, 'nato-stance/inf-treaty.html');
    expect(entry).toEqual({
      t: 'The INF Treaty',
      u: 'nato-stance/inf-treaty.html',
      s: 'A summary.',
      h: [
        ['', 'The INF Treaty', 'the inf treaty signed 1987'],
        ['what', 'What the treaty did', 'what the treaty did eliminated intermediate range missiles kyiv end'],
        ['breach', 'Breach of trust', 'breach of trust russia s 9m729'],
      ],
    });
  });

  it('skips pages without data-pagefind-body, like Pagefind', () => {
    expect(indexPage('<html><body><main><h1>Timeline</h1></main></body></html>', 'timeline.html')).toBeNull();
  });

  it('is a plain script that sets the global to the same data, whatever the text holds', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (title, summary) => {
      const index = { version: 1 as const, pages: [{ t: title, u: 'a/b.html', s: summary, h: [] }] };
      const sandbox: { window: Record<string, unknown> } = { window: {} };
      vm.runInNewContext(fallbackScript(index), sandbox);
      expect(sandbox.window[FALLBACK_GLOBAL]).toEqual(index);
      expect(fallbackScript(index)).not.toContain('</script');
    }));
  });

  it('folds case and diacritics into words', () => {
    expect(words('Kýiv, NATO–Russia 9M729!')).toEqual(['kyiv', 'nato', 'russia', '9m729']);
  });

  it('reads every built page as the DOM version did', () => {
    const pages = siteFiles();
    expect(pages.length).toBeGreaterThan(20);
    let searchable = 0;
    for (const file of pages) {
      const html = fs.readFileSync(path.join(siteDir(), file), 'utf8');
      const entry = indexPage(html, file);
      expect(entry, file).toEqual(indexPageOnDom(html, file));
      if (entry) searchable++;
    }
    expect(searchable).toBeGreaterThan(10);
  });

  it('reads any HTML as the DOM version did: nesting, implied closes, exclusions, scripts, entities', () => {
    fc.assert(fc.property(randomPage, (html) => {
      // One known difference: in an <aside> that holds the root itself, cheerio's `find` does not
      // see the aside for `aside h2`, and Pagefind (whole-document selectors) does, as the reader does.
      fc.pre(cheerio.load(html, { xml: { xmlMode: false } })('[data-pagefind-body]').first().closest('aside').length === 0);
      expect(indexPage(html, 'a/b.html')).toEqual(indexPageOnDom(html, 'a/b.html'));
    }), { numRuns: 1500 });
  });

  it('excludes exactly the elements the selectors Pagefind gets match', () => {
    const selector = EXCLUDED_SELECTORS.join(',');
    fc.assert(fc.property(randomElement, fc.boolean(), ({ name, attrs }, inAside) => {
      const attributes = Object.entries(attrs).map(([k, v]) => ` ${k}="${v}"`).join('');
      const inner = `<${name}${attributes} id="probe"></${name}>`;
      const $ = cheerio.load(`<div>${inAside ? `<aside>${inner}</aside>` : inner}</div>`, { xml: { xmlMode: false } });
      const probe = $('#probe');
      if (probe.length === 0) return; // the parser moved it (e.g. a heading out of a paragraph)
      expect(isExcluded(name, { ...attrs, id: 'probe' }, inAside)).toBe(probe.is(selector));
    }), { numRuns: 1000 });
  });
});

const TAGS = ['div', 'p', 'span', 'b', 'section', 'article', 'aside', 'nav', 'h1', 'h2', 'h3', 'h4', 'li', 'ul', 'a', 'sup', 'ins', 'header', 'br', 'img'];
const CLASSES = ['toc', 'badge', 'self-link', 'repair-ref', 'fact-box', 'x', 'Toc', 'badge-2'];

const randomElement = fc.record({
  name: fc.constantFrom(...TAGS),
  attrs: fc.record(
    {
      class: fc.array(fc.constantFrom(...CLASSES), { maxLength: 3 }).map((c) => c.join(fc.sample(fc.constantFrom(' ', '  ', '\t'), 1)[0] ?? ' ')),
      'data-pagefind-ignore': fc.constantFrom('', 'all'),
    },
    { requiredKeys: [] },
  ),
});

const text = fc.array(fc.constantFrom('Kýiv', 'NATO', 'end.', 'Start', ' ', '\n', '&amp;', '&lt;b&gt;', '9M729', 'treaty', 'a', ''), { maxLength: 6 }).map((t) => t.join(''));

const attributesOf = fc.record(
  {
    id: fc.constantFrom('', 'a', 'b', 'what', 'c-1'),
    class: fc.array(fc.constantFrom(...CLASSES), { maxLength: 2 }).map((c) => c.join(' ')),
    'data-pagefind-ignore': fc.constant(''),
    'data-pagefind-body': fc.constant(''),
  },
  { requiredKeys: [] },
).map((attrs) => Object.entries(attrs).map(([k, v]) => (v === '' && k.startsWith('data-') ? ` ${k}` : ` ${k}="${v}"`)).join(''));

const { node: randomNode } = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc.tuple(fc.constantFrom(...TAGS, 'script', 'style'), attributesOf, fc.array(tie('node'), { maxLength: 4 }), fc.boolean()).map(
      ([tag, attrs, children, close]) => `<${tag}${attrs}>${children.join('')}${close ? `</${tag}>` : ''}`,
    ),
  ),
}));

const randomPage = fc
  .tuple(text, fc.option(text), fc.array(randomNode, { maxLength: 5 }), fc.boolean())
  .map(([title, summary, body, bodyRoot]) =>
    `<!doctype html><html><head><title>${title}</title>${summary === null ? '' : `<meta name="description" content="${summary}">`}</head><body>${
      bodyRoot ? `<nav>Menu</nav><article data-pagefind-body>${body.join('')}</article>` : body.join('')
    }</body></html>`,
  );
