/**
 * The page-weight measure itself, on small hand-made pages: the budgets are only as good as what
 * it counts (linked files resolved from the page's folder, inline scripts as JS, and which
 * scripts block the first paint).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { pageWeight } from './page-weight.ts';

const site = fs.mkdtempSync(path.join(os.tmpdir(), 'page-weight-'));
afterAll(() => fs.rmSync(site, { recursive: true, force: true }));

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(site, file)), { recursive: true });
  fs.writeFileSync(path.join(site, file), text);
}

const css = 'body { color: black; } '.repeat(50);
const js = 'console.log("a fairly long line of script text");\n'.repeat(40);
write('assets/site.css', css);
write('assets/app.js', js);
write('assets/theme.js', 'document.documentElement.dataset.theme = "dark";'); // the same text as `theme` below
write(
  'topic/page.html',
  `<!doctype html><html><head><link rel="stylesheet" href="../assets/site.css"><script src="../assets/theme.js"></script><script src="../assets/app.js" defer></script></head>
  <body><header><script>var early = 1;</script></header><main><p>Text</p></main><script src="../assets/app.js"></script><script type="application/ld+json">{"a":1}</script></body></html>`,
);
write('external.html', '<html><head><script src="https://cdn.example.com/x.js" defer></script></head><body><main></main></body></html>');
write('broken.html', '<html><head><script src="missing.js" defer></script></head><body><main></main></body></html>');

describe('pageWeight', () => {
  const w = pageWeight(site, 'topic/page.html');

  // Expected sizes computed here with zlib from the hand-made inputs, not from the function's own totals.
  const z = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;
  const theme = 'document.documentElement.dataset.theme = "dark";';

  it('counts linked CSS, resolved from the page’s own folder', () => {
    expect(w.cssGzip).toBe(z(css));
  });

  it('counts the HTML file as served, and each script as often as the page loads it', () => {
    expect(w.htmlGzip).toBe(z(fs.readFileSync(path.join(site, 'topic/page.html'))));
    expect(w.jsGzip).toBe(z(theme) + 2 * z(js) + z('var early = 1;'));
  });

  it('totals the HTML with external CSS and JS, leaving inline scripts inside the HTML', () => {
    expect(w.totalGzip).toBe(z(fs.readFileSync(path.join(site, 'topic/page.html'))) + z(css) + z(theme) + 2 * z(js));
  });

  it('ignores JSON data blocks as JavaScript', () => {
    expect(w.scripts.map((s) => s.name)).toEqual(['assets/theme.js', 'assets/app.js', 'inline #3', 'assets/app.js']);
  });

  it('marks classic scripts before <main> as blocking, and deferred or trailing ones as not', () => {
    expect(w.scripts.map((s) => s.blocking)).toEqual([true, false, true, false]);
  });

  it('reports scripts loaded from another site', () => {
    expect(pageWeight(site, 'external.html').external).toEqual(['https://cdn.example.com/x.js']);
  });

  it('fails on a reference to a file the site does not have', () => {
    expect(() => pageWeight(site, 'broken.html')).toThrow('broken.html loads missing.js, which resolves to missing.js: no such file in the built site');
  });
});
