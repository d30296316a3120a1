/**
 * When a build feeds Pagefind exactly what the last successful build fed, the site pass restores
 * that build's Pagefind output from the cache folder instead of indexing again
 * (src/search/pagefind-output-cache.ts). The restored files must be the ones Pagefind writes, and
 * a change to one page's search text must index afresh. Runs the real worker and Pagefind.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { afterAll, describe, expect, it } from 'vitest';
import type { PagePath } from '../../src/lib/urls.ts';
import type { SitePassResult } from '../../src/site-pass/messages.ts';
import { fileHashes } from '../helpers/site.ts';
import { homeHtml, runSitePass, sectionHtml } from '../helpers/site-pass.ts';
import { tempBuildRoot } from '../helpers/temp-build.ts';

const tmp = tempBuildRoot('pagefind-reuse');
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const section = (title: string, body: string, footer = 'Built today.') => sectionHtml(title, body, footer);

const ORIGINAL: Record<string, string> = {
  'index.html': homeHtml('<a href="history/a.html">A</a>'),
  'history/a.html': section('Alpha', '<h2 id="talks">Talks</h2><p id="p-1">Arms talks resumed in Geneva.</p>'),
  'history/b.html': section('Beta', '<p id="p-2">Sanctions followed the annexation.</p>'),
  'history/c.html': section('Gamma', '<h2 id="treaty">Treaty</h2><p id="p-3">The treaty was signed and ratified.</p>'),
};
const ORDER = Object.keys(ORIGINAL) as PagePath[];

/** One pass over `pages`: `rendered` handed over as rendered, the others read from disk at the end. */
async function pass(pages: Record<string, string>, cacheDir: string | undefined, rendered: readonly string[] = []): Promise<{ out: string; result: SitePassResult }> {
  const run = await runSitePass(tmp, { pages, order: ORDER, cacheDir, rendered });
  expect(run.result.check.failures).toEqual([]);
  return run;
}

const pagefindFiles = (out: string) => fileHashes(path.join(out, 'pagefind'));

/** `html` with `change` applied to its parsed document. */
function edited(html: string, change: ($: cheerio.CheerioAPI) => void): string {
  const $ = cheerio.load(html);
  change($);
  return $.html();
}

describe('Pagefind output reuse', () => {
  it('restores byte-identical output when the input is the same, and indexes afresh when one page\'s search text changed', async () => {
    const cache = path.join(tmp, 'cache');
    const fresh = await pass(ORIGINAL, undefined);
    expect(fresh.result.pagefind.restored).toBe(false);
    const freshFiles = pagefindFiles(fresh.out);
    expect([...freshFiles.keys()].filter((f) => f.startsWith('fragment/')).length).toBe(3);

    // A cold build: every page rendered; the output is kept.
    const cold = await pass(ORIGINAL, cache, ORDER);
    expect(cold.result.pagefind.restored).toBe(false);
    expect(cold.result.fromCache).toBe(0);
    expect(pagefindFiles(cold.out)).toEqual(freshFiles);

    // A warm build with nothing changed: every page reused, its result and Pagefind's output from the cache.
    const warm = await pass(ORIGINAL, cache);
    expect(warm.result.readAtEnd).toBe(4);
    expect(warm.result.fromCache).toBe(4);
    expect(warm.result.pagefind.restored).toBe(true);
    expect(warm.result.pagefind.pages).toBe(3);
    expect(pagefindFiles(warm.out)).toEqual(freshFiles);

    // A change outside what Pagefind reads (the footer): the page is parsed again, the output still restored.
    const footer: Record<string, string> = { ...ORIGINAL, 'history/b.html': section('Beta', '<p id="p-2">Sanctions followed the annexation.</p>', 'Built tomorrow.') };
    const outside = await pass(footer, cache, ['history/b.html']);
    expect(outside.result.fromCache).toBe(3);
    expect(outside.result.pagefind.restored).toBe(true);
    expect(pagefindFiles(outside.out)).toEqual(freshFiles);

    // One page's search text changed: indexed afresh, the same as Pagefind makes of the new pages without any cache.
    const text = { ...footer, 'history/c.html': edited(footer['history/c.html'] ?? '', ($) => $('#p-3').text('The treaty was signed, ratified and later suspended.')) };
    const changed = await pass(text, cache, ['history/c.html']);
    expect(changed.result.fromCache).toBe(3);
    expect(changed.result.pagefind.restored).toBe(false);
    const changedFiles = pagefindFiles(changed.out);
    expect(changedFiles).not.toEqual(freshFiles);
    expect(changedFiles).toEqual(pagefindFiles((await pass(text, undefined)).out));

    // And the next build with that text restores the new output, not the old.
    const again = await pass(text, cache);
    expect(again.result.pagefind.restored).toBe(true);
    expect(pagefindFiles(again.out)).toEqual(changedFiles);
  }, 120_000);

  it('indexes afresh when the kept output is damaged', async () => {
    const cache = path.join(tmp, 'damaged');
    const fresh = await pass(ORIGINAL, cache, ORDER);
    const kept = path.join(cache, 'site-pass', 'pagefind-out', '0', 'files');
    const fragments = fs.readdirSync(path.join(kept, 'fragment'));
    expect(fragments.length).toBe(3);
    // A kept file cut short (as by a full disk), then one gone: each time indexed afresh, never put back damaged.
    const [first = '', second = ''] = fragments;
    fs.rmSync(path.join(kept, 'fragment', first));
    fs.writeFileSync(path.join(kept, 'fragment', first), 'x');
    const warm = await pass(ORIGINAL, cache);
    expect(warm.result.pagefind.restored).toBe(false);
    expect(pagefindFiles(warm.out)).toEqual(pagefindFiles(fresh.out));
    fs.rmSync(path.join(cache, 'site-pass', 'pagefind-out', '0', 'files', 'fragment', second));
    const again = await pass(ORIGINAL, cache);
    expect(again.result.pagefind.restored).toBe(false);
    expect(pagefindFiles(again.out)).toEqual(pagefindFiles(fresh.out));
    // And the output it wrote afresh is kept whole again.
    expect((await pass(ORIGINAL, cache)).result.pagefind.restored).toBe(true);
  }, 120_000);
});
