/**
 * A page Astro restored from its cache under the same `cacheKey` (and the same code) as the page
 * the site pass's stored result was read from is not read again (src/site-pass/worker.ts,
 * `madeFrom`): its stored result stands for it, and the search indexes and links.json come out as
 * they would from reading every page. A page whose key changed, or that has none, is read.
 * Runs the real worker.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { linksJsonPath, searchIndexPath, type PagePath } from '../../src/lib/urls.ts';
import { fallbackIndexIn, homeHtml, runSitePass, sectionHtml } from '../helpers/site-pass.ts';
import { tempBuildRoot } from '../helpers/temp-build.ts';

const tmp = tempBuildRoot('restored-unread');
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const site = (betaText: string): Record<string, string> => ({
  'index.html': homeHtml('<a href="history/a.html#p-1">A</a> <a href="history/b.html">B</a>'),
  'history/a.html': sectionHtml('Alpha', '<p id="p-1">Arms talks resumed in Geneva.</p>'),
  'history/b.html': sectionHtml('Beta', `<p id="p-2">${betaText}</p>`),
});
const ORDER = ['index.html', 'history/a.html', 'history/b.html'] as PagePath[];
const read = (out: string, file: string) => fs.readFileSync(path.join(out, file), 'utf8');

describe('pages Astro restored under the key their stored result was read with', () => {
  it('are not read, and the indexes and links.json are those of a pass that read every page', async () => {
    const cacheDir = path.join(tmp, 'cache');
    const keys = { 'history/a.html': 'key-a', 'history/b.html': 'key-b' };
    const pages = site('Sanctions followed the annexation.');
    const first = await runSitePass(tmp, { pages, order: ORDER, cacheDir, keys, rendered: ORDER });
    expect(first.result).toMatchObject({ readWhileRendering: 3, readAtEnd: 0, notRead: 0 });

    // Nothing rendered again (Astro restored both section pages), the same keys: neither is read; Home has no key and is.
    const restored = await runSitePass(tmp, { pages, order: ORDER, cacheDir, keys, rendered: [] });
    expect(restored.result.check.failures).toEqual([]);
    expect(restored.result).toMatchObject({ readWhileRendering: 0, readAtEnd: 1, notRead: 2 });
    for (const file of [searchIndexPath(), linksJsonPath()]) expect(read(restored.out, file), file).toBe(read(first.out, file));

    // Beta restored under another key (its text changed in an earlier build): it is read, and the index shows its new text.
    const changed = site('Sanctions followed the annexation of Crimea.');
    const rekeyed = await runSitePass(tmp, { pages: changed, order: ORDER, cacheDir, keys: { ...keys, 'history/b.html': 'key-b2' }, rendered: [] });
    expect(rekeyed.result).toMatchObject({ readAtEnd: 2, notRead: 1 });
    const beta = fallbackIndexIn(rekeyed.out).pages.find((p) => p.u === 'history/b.html');
    expect(beta?.h.some(([, , words]) => words.split(' ').includes('crimea'))).toBe(true);

    // Without keys (a build that gives none), every page is read.
    const unkeyed = await runSitePass(tmp, { pages: changed, order: ORDER, cacheDir, rendered: [] });
    expect(unkeyed.result).toMatchObject({ readAtEnd: 3, notRead: 0 });
  });
});
