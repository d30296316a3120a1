/**
 * The scan of a large page that reuses runs of the last scan of the same page
 * (src/links/scan-runs.ts) must be the scan of the whole page, whatever the page holds and however
 * it changed: list items with ids and links, nested lists, link targets, editorial marks, an
 * unclosed item, `<li` inside an attribute, a script or a comment, duplicate ids, and the same
 * items inside `<main>` and outside it. Small runs here, so that generated pages are cut often.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanPage } from '../../src/links/scan-page.ts';
import { scanReusingRuns, type RunSizes } from '../../src/links/scan-runs.ts';

const SIZES: RunSizes = { from: 0, items: 3 };

/** One list item's HTML, of one of several shapes, some of them awkward on purpose. */
const item = fc.record({
  id: fc.integer({ min: 1, max: 60 }),
  words: fc.string({ maxLength: 40 }),
  shape: fc.constantFrom('plain', 'nested', 'target', 'editorial', 'unclosed', 'attribute', 'script', 'comment', 'no-id', 'entity'),
}).map(({ id, words, shape }) => {
  const text = words.replace(/[<>&"]/g, ' ');
  const link = `<a href="../s/${id}.html#p-${id}">${text}</a>`;
  switch (shape) {
    case 'nested': return `<li id="L${id}"><ul><li id="N${id}">${link}</li></ul></li>`;
    case 'target': return `<li id="L${id}"><p id="p${id}">${text} <a href="#p${id}">¶</a></p></li>`;
    case 'editorial': return `<li id="L${id}"><span data-editorial>${link}</span></li>`;
    case 'unclosed': return `<li id="L${id}">${link}`;
    case 'attribute': return `<li id="L${id}"><a title="a <li b" href="x${id}.html">${text}</a></li>`;
    case 'script': return `<li id="L${id}"><script>var s = "<li id=z>";</script>${text}</li>`;
    case 'comment': return `<li id="L${id}"><!-- <li id="c${id}"> -->${link}</li>`;
    case 'no-id': return `<li>${link}</li>`;
    case 'entity': return `<li id="L${id}&amp;x">&lt;li ${text} &amp; ${link}</li>`;
    default: return `<li id="L${id}"><p class="t">${text}</p>${link}</li>`;
  }
});

/** The items in a list inside `<main>` (where a paragraph with an id and a self-link is a link target), and again in a list outside it. */
const page = (items: readonly string[]): string =>
  `<!doctype html><html><head><title>Source &amp; text</title><meta name="robots" content="index"></head><body><main><h2 id="top">Top <a href="#top">#</a></h2>`
  + `<ol class="lines">${items.join('')}</ol><p id="end">End <a href="#end">¶</a></p></main><footer><a href="../about.html">About</a>`
  + `<ul class="again">${items.join('')}</ul></footer></body></html>`;

/** An edit of a list of items: replace, insert or delete one, or none. */
const edit = fc.record({ kind: fc.constantFrom('replace', 'insert', 'delete', 'none'), at: fc.nat(), with: item });

function applyEdit(items: readonly string[], e: { kind: string; at: number; with: string }): string[] {
  const out = [...items];
  const at = items.length ? e.at % items.length : 0;
  if (e.kind === 'replace' && out.length) out[at] = e.with;
  if (e.kind === 'insert') out.splice(at, 0, e.with);
  if (e.kind === 'delete' && out.length) out.splice(at, 1);
  return out;
}

describe('a large page scanned with the runs of its last scan', () => {
  it('gives the scan of the whole page, on arbitrary pages and edits', () => {
    fc.assert(fc.property(fc.array(item, { maxLength: 80 }), fc.array(edit, { maxLength: 4 }), (items, edits) => {
      const first = page(items);
      const one = scanReusingRuns(first, undefined, SIZES);
      expect(one.scan).toEqual(scanPage(first));
      let last = one;
      let now = items;
      for (const e of edits) {
        now = applyEdit(now, e);
        const html = page(now);
        const next = scanReusingRuns(html, last, SIZES);
        expect(next.scan).toEqual(scanPage(html));
        last = next;
      }
    }), { numRuns: 300 });
  });

  it('reuses every run but the changed one when one item of plain lines changes', () => {
    const lines = Array.from({ length: 400 }, (_, i) => `<li id="L${i}"><p class="t">Line ${i} of the text, as scraped.</p><a href="../s/${i % 7}.html#p-${i}">→ section ${i % 7}</a></li>`);
    const first = scanReusingRuns(page(lines), undefined, SIZES);
    expect(first.runs.length).toBeGreaterThan(60);
    expect(first.reused).toBe(0);
    const edited = [...lines];
    edited[200] = '<li id="L200"><p class="t">Line 200, edited.</p></li>';
    const html = page(edited);
    const second = scanReusingRuns(html, first, SIZES);
    expect(second.scan).toEqual(scanPage(html));
    expect(second.reused).toBeGreaterThanOrEqual(first.runs.length - 2);
    // And a third scan reuses the second's runs.
    expect(scanReusingRuns(html, second, SIZES).reused).toBe(second.runs.length);
  });

  it('parses a page below the size it cuts from whole, recording no run', () => {
    const html = page(['<li id="L1">one</li>', '<li id="L2">two</li>']);
    const scanned = scanReusingRuns(html);
    expect(scanned.scan).toEqual(scanPage(html));
    expect(scanned.runs).toEqual([]);
  });
});
