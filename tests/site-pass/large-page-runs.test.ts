/**
 * A large page the site pass read before, rendered again with a few lines changed (a source page
 * after a section's edit): the pass takes the scan of its unchanged runs of list items from the
 * last read (src/links/scan-runs.ts) and parses the rest, and links.json and the link check come
 * out as from a pass that parsed every page, including a broken link in a changed line. Runs the
 * real worker.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RUNS_FROM_BYTES } from '../../src/links/scan-runs.ts';
import { linksJsonPath, type PagePath } from '../../src/lib/urls.ts';
import { homeHtml, runSitePass, sectionHtml } from '../helpers/site-pass.ts';
import { tempBuildRoot } from '../helpers/temp-build.ts';

const tmp = tempBuildRoot('large-page-runs');
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const PARAGRAPHS = 40;
const LINES = 3000;

/** A source page of `LINES` lines, each linking to a paragraph of the section page; `lineHref` may change some. */
function sourcePage(lineHref: (n: number) => string): string {
  const lines = Array.from({ length: LINES }, (_, i) => {
    const n = i + 1;
    return `<li id="L${n}" value="${n}" class="source-line"><p class="source-line__text">Line ${n} of the scraped text, as it was received from the page.</p>`
      + `<p class="source-line__where">In: <a href="${lineHref(n)}">Talks</a></p></li>`;
  });
  return `<!doctype html><html lang="en"><head><title>Source</title></head><body><nav><a href="../index.html">Home</a></nav>`
    + `<main><h1>Source</h1><ol class="source-lines">${lines.join('')}</ol></main></body></html>`;
}

const section = sectionHtml('Talks', Array.from({ length: PARAGRAPHS }, (_, i) => `<p id="p-${i + 1}">Paragraph ${i + 1}. <a href="#p-${i + 1}">¶</a></p>`).join(''));
const ORDER = ['index.html', 'history/talks.html', 'sources/seed.html'] as PagePath[];
const site = (source: string): Record<string, string> => ({
  'index.html': homeHtml('<a href="history/talks.html">Talks</a> <a href="sources/seed.html">Source</a>'),
  'history/talks.html': section,
  'sources/seed.html': source,
});
const paragraphLink = (n: number) => `../history/talks.html#p-${(n % PARAGRAPHS) + 1}`;

describe('a large page read again after a few of its lines changed', () => {
  it('reuses the scan of its unchanged runs, and checks and publishes as a pass that parsed it all', async () => {
    const cacheDir = path.join(tmp, 'cache');
    const first = site(sourcePage(paragraphLink));
    expect(first['sources/seed.html']?.length).toBeGreaterThan(RUNS_FROM_BYTES);
    const cold = await runSitePass(tmp, { pages: first, order: ORDER, cacheDir, rendered: ORDER });
    expect(cold.result.check.failures).toEqual([]);
    expect(cold.result.runs.reused).toBe(0);
    expect(cold.result.runs.of).toBeGreaterThan(10);

    // Two lines now link elsewhere: one to another paragraph, one to a paragraph that does not exist.
    const edited = site(sourcePage((n) => (n === 1500 ? '../history/talks.html#p-2' : n === 2600 ? '../history/talks.html#p-99' : paragraphLink(n))));
    const warm = await runSitePass(tmp, { pages: edited, order: ORDER, cacheDir, rendered: ['sources/seed.html'] });
    const fresh = await runSitePass(tmp, { pages: edited, order: ORDER, rendered: ORDER });
    expect(warm.result.runs.reused).toBeGreaterThanOrEqual(warm.result.runs.of - 2);
    expect(warm.result.runs.reused).toBeLessThan(warm.result.runs.of);
    expect(fresh.result.runs.reused).toBe(0);
    // The broken link of a changed line is found, as a pass without the cache finds it.
    expect(warm.result.check.failures.map((f) => JSON.stringify(f))).toEqual(fresh.result.check.failures.map((f) => JSON.stringify(f)));
    expect(JSON.stringify(warm.result.check.failures)).toContain('p-99');

    // Mended, the warm pass passes and publishes what a pass that parsed everything publishes.
    const mended = site(sourcePage((n) => (n === 1500 ? '../history/talks.html#p-2' : paragraphLink(n))));
    const again = await runSitePass(tmp, { pages: mended, order: ORDER, cacheDir, rendered: ['sources/seed.html'] });
    const clean = await runSitePass(tmp, { pages: mended, order: ORDER, rendered: ORDER });
    expect(again.result.check.failures).toEqual([]);
    expect(again.result.runs.reused).toBeGreaterThan(0);
    expect(fs.readFileSync(path.join(again.out, linksJsonPath()), 'utf8')).toBe(fs.readFileSync(path.join(clean.out, linksJsonPath()), 'utf8'));
  });
});
