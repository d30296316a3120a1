import { describe, expect, it } from 'vitest';
import { checkLinks, formatLinkProblems, urlKind } from '../../src/links/check-links.ts';
import { scanPage } from '../../src/links/scan-page.ts';
import { scanSite, type SiteScan } from '../../src/links/scan-site.ts';
import type { PagePath } from '../../src/lib/urls.ts';
import { siteDir } from '../helpers/site.ts';

/** A site in memory: HTML pages by path, plus other files. */
function site(pages: Record<string, string>, otherFiles: string[] = []): SiteScan {
  return {
    dir: '(memory)',
    files: new Set([...Object.keys(pages), ...otherFiles]),
    pages: new Map(Object.entries(pages).map(([p, html]) => [p as PagePath, scanPage(html)])),
  };
}
const doc = (body: string, head = '') => `<!doctype html><html><head><title>T</title>${head}</head><body>${body}</body></html>`;

describe('link check', () => {
  it('passes the seed site: every internal link, asset and fragment resolves', () => {
    const problems = checkLinks(scanSite(siteDir()));
    expect(formatLinkProblems(problems)).toBe('0 broken internal links in 0 pages:');
  });

  it('reports a link to a missing page, naming the page, the link and the missing file', () => {
    const problems = checkLinks(site({ 'history/a.html': doc('<main><a href="../entities/natoo.html">NATO</a></main>') }));
    expect(problems).toEqual([{ page: 'history/a.html', link: '../entities/natoo.html', where: 'a[href]', rule: 'target-exists', message: 'it points to entities/natoo.html, which is not in the build.' }]);
  });

  it('reports a missing fragment with the fragments that exist there', () => {
    const problems = checkLinks(site({
      'history/a.html': doc('<main id="main"><a href="b.html#relations-interupted">x</a></main>'),
      'history/b.html': doc('<main id="main"><h2 id="relations-interrupted">R</h2><p id="p-1">Text</p></main>'),
    }));
    expect(problems).toHaveLength(1);
    expect(formatLinkProblems(problems)).toBe(
      '1 broken internal link in 1 page:\n- history/a.html: a[href] "b.html#relations-interupted" [fragment-exists]: history/b.html has no element with id "relations-interupted". Available fragments: #main, #relations-interrupted, #p-1',
    );
  });

  it('checks a fragment on the same page, in src and srcset, and in a meta refresh', () => {
    const problems = checkLinks(site({
      'a.html': doc('<a href="#nope">x</a><img src="img/x.png" alt=""><img srcset="img/y.png 2x, img/x.png 1x" alt="">', '<meta http-equiv="refresh" content="0; url=gone.html">'),
    }, ['img/x.png']));
    expect(problems.map((p) => [p.where, p.link, p.rule])).toEqual([
      ['meta[refresh]', 'gone.html', 'target-exists'],
      ['a[href]', '#nope', 'fragment-exists'],
      ['img[srcset]', 'img/y.png', 'target-exists'],
    ]);
  });

  it('fails a root-relative URL, which breaks under a sub-path and from file://', () => {
    const [problem] = checkLinks(site({ 'a.html': doc('<link rel="stylesheet" href="/_astro/x.css">') }, ['_astro/x.css']));
    expect(problem?.rule).toBe('relative-url');
    expect(problem?.message).toContain('relativeUrl()');
  });

  it('skips external links without a request, and reports a javascript: URL', () => {
    const problems = checkLinks(site({ 'a.html': doc('<a href="https://example.org/x#y">e</a><a href="//cdn.example/x">c</a><a href="mailto:a@b.c">m</a><a href="javascript:void(0)">j</a>') }));
    expect(problems.map((p) => p.rule)).toEqual(['scheme']);
    expect(urlKind('HTTPS://x')).toBe('external');
    expect(urlKind('../a.html?q=x#y')).toBe('internal');
  });

  it('follows an alias page: a fragment on the old URL must exist on the page it sends readers to', () => {
    const aliasPage = doc('<main><a href="new.html">moved</a></main>', '<meta http-equiv="refresh" content="0; url=new.html"><link rel="canonical" href="new.html">');
    const pages = {
      'history/old.html': aliasPage,
      'history/new.html': doc('<main><h2 id="kept"><span id="was-here" data-editorial></span>Kept</h2></main>'),
      'index.html': doc('<a href="history/old.html#was-here">a</a><a href="history/old.html#kept">b</a><a href="history/old.html#lost">c</a>'),
    };
    const problems = checkLinks(site(pages));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/^history\/new\.html \(where the alias page history\/old\.html sends readers\) has no element with id "lost"\. Available fragments: #kept, #was-here$/);
  });

  it('reports an id used twice on a page, and a fragment pointing at it', () => {
    const problems = checkLinks(site({ 'a.html': doc('<main id="main"><p id="main">1</p><p id="x">2</p><a href="#main">x</a></main>') }));
    expect(problems.map((p) => [p.rule, p.link])).toEqual([['unique-ids', '#main'], ['fragment-unique', '#main']]);
  });
});

describe('page scan', () => {
  it('finds headings and paragraphs with a self-link inside <main>, titled by their source words', () => {
    const scan = scanPage(doc(`
      <h2 id="outside">Outside<a href="#outside">#</a></h2>
      <main>
        <h2 id="toc-heading">On this page</h2>
        <h2 id="h"><span id="old-h" data-editorial data-anchor-alias></span>A &amp; B<a href="#h" class="self-link" data-editorial aria-label="Link">#</a></h2>
        <p id="p-1">On 17 July<ins data-editorial> 2014</ins>, calling <a href="../x.html">X</a>.<a href="#p-1" data-editorial>¶</a></p>
        <p id="no-self">No self-link.</p>
      </main>`));
    expect(scan.targets).toEqual([
      { id: 'h', kind: 'heading', text: 'A & B', aliases: ['old-h'] },
      { id: 'p-1', kind: 'paragraph', text: 'On 17 July, calling X.', aliases: [] },
    ]);
    expect(scan.title).toBe('T');
    expect([...scan.ids]).toEqual(['outside', 'toc-heading', 'h', 'old-h', 'p-1', 'no-self']);
  });
});
