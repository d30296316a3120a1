/** The plain-script search index used from file://: what it keeps from a page, and its script form. */
import vm from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FALLBACK_GLOBAL, fallbackScript, indexPage, words } from '../../src/search/fallback-index.ts';

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
});
