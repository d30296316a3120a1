/**
 * The site pass keeps each page's result between builds (src/site-pass/page-cache.ts): a page
 * with the same bytes gets the stored result instead of a parse, a changed page is parsed again,
 * and a part of the cache that is damaged or of another version is a miss for its pages, never an
 * error; a save writes only the parts whose pages changed.
 */
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import * as cheerio from 'cheerio';
import { afterAll, describe, expect, it } from 'vitest';
import type { PagePath } from '../../src/lib/urls.ts';
import { pagefindInput } from '../../src/search/pagefind-input.ts';
import { loadPageCache, partOf, readCached, readerVersion, savePageCache, type CachedPage, type PageCache } from '../../src/site-pass/page-cache.ts';
import { readPage } from '../../src/site-pass/read-page.ts';
import { sectionPages, siteDir } from '../helpers/site.ts';
import { tempBuildRoot } from '../helpers/temp-build.ts';

const tmp = tempBuildRoot('page-cache');
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const encode = (html: string) => new TextEncoder().encode(html);

/** Real built section pages, and the cache a first pass over them keeps. */
function firstPass(): { pages: { page: PagePath; html: string }[]; stored: PageCache } {
  const pages = sectionPages()
    .slice(0, 5)
    .map((file) => ({ page: file as PagePath, html: fs.readFileSync(path.join(siteDir(), file), 'utf8') }));
  const stored: PageCache = new Map();
  for (const { page, html } of pages) {
    const { cached, hit } = readCached(new Map(), page, encode(html));
    expect(hit).toBe(false);
    stored.set(page, cached);
  }
  return { pages, stored };
}

describe('page cache', () => {
  it('gives a page with the same bytes the stored result, equal to a fresh parse, through the file', () => {
    const { pages, stored } = firstPass();
    expect(pages.length).toBe(5);
    const dir = path.join(tmp, 'hit', 'pages');
    savePageCache(dir, stored);
    const loaded = loadPageCache(dir);
    expect(loaded.size).toBe(5);
    for (const { page, html } of pages) {
      const { cached, hit } = readCached(loaded, page, encode(html));
      expect(hit).toBe(true);
      expect(cached.read).toEqual(readPage(page, html));
      expect(cached.read.entry?.u).toBe(page);
      expect(cached.read.pagefind).not.toBeNull();
    }
  });

  it('parses a page again when its text changed, and the result shows the change', () => {
    const { pages, stored } = firstPass();
    const { page, html } = pages[0] as { page: PagePath; html: string };
    const $ = cheerio.load(html);
    const paragraph = $('[data-pagefind-body] p[id]').first();
    expect(paragraph.length).toBe(1);
    paragraph.prepend('Zanzibarian ');
    const changed = $.html();
    const { cached, hit } = readCached(stored, page, encode(changed));
    expect(hit).toBe(false);
    expect(cached.read).toEqual(readPage(page, changed));
    expect(cached.read).not.toEqual(stored.get(page)?.read);
    expect(cached.read.entry?.h.some(([, , words]) => words.split(' ').includes('zanzibarian'))).toBe(true);
    expect(pagefindInput(changed, cached.read.pagefind ?? 'whole')).toContain('Zanzibarian');
    // Same bytes under another path are not that path's result either.
    expect(readCached(stored, 'elsewhere.html' as PagePath, encode(html)).hit).toBe(false);
  });

  it('ignores a part that is missing, damaged, of another version or of another shape, and keeps the other parts', () => {
    const { stored } = firstPass();
    const partFiles = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.v8')).sort();
    const pagesIn = (file: string) => [...stored.keys()].filter((page) => `${String(partOf(page)).padStart(2, '0')}.v8` === file);
    const fresh = (name: string) => {
      const dir = path.join(tmp, 'bad', name);
      savePageCache(dir, stored);
      return dir;
    };
    expect(loadPageCache(fresh('good')).size).toBe(5);
    const unused = [...Array(64).keys()].find((part) => ![...stored.keys()].some((page) => partOf(page) === part));
    expect(loadPageCache(path.join(tmp, 'bad', 'missing')).size).toBe(0);

    const damages: [string, (file: string) => void][] = [
      ['truncated', (file) => fs.writeFileSync(file, fs.readFileSync(file).subarray(0, Math.floor(fs.statSync(file).size / 2)))],
      ['garbage', (file) => fs.writeFileSync(file, 'not a cache at all')],
      ['shape', (file) => fs.writeFileSync(file, v8.serialize({ version: readerVersion(), pages: [...stored] }))],
      // A part under another part's name (one no page of these uses): its pages are not that part's.
      ['moved', (file) => fs.renameSync(file, path.join(path.dirname(file), `${String(unused).padStart(2, '0')}.v8`))],
    ];
    for (const [name, damage] of damages) {
      const dir = fresh(name);
      const [first] = partFiles(dir);
      expect(first).toBeDefined();
      const lost = pagesIn(first as string);
      expect(lost.length).toBeGreaterThan(0);
      damage(path.join(dir, first as string));
      const loaded = loadPageCache(dir);
      expect([...loaded.keys()].sort(), name).toEqual([...stored.keys()].filter((page) => !lost.includes(page)).sort());
    }

    const foreign = path.join(tmp, 'bad', 'foreign');
    savePageCache(foreign, stored, 'another reader version');
    expect(loadPageCache(foreign).size).toBe(0);
    expect(loadPageCache(foreign, 'another reader version').size).toBe(5);
  });

  it('writes only the parts whose pages changed, removes emptied parts and the old single file, and leaves no temporary file', () => {
    const { pages, stored } = firstPass();
    const dir = path.join(tmp, 'parts', 'pages');
    expect(savePageCache(dir, stored)).toBe(new Set([...stored.keys()].map(partOf)).size);
    fs.writeFileSync(path.join(tmp, 'parts', 'pages.v8'), 'the cache as one file, before it came in parts');
    const loaded = loadPageCache(dir);
    const stamp = (file: string) => fs.statSync(path.join(dir, file)).mtimeMs;
    const before = new Map(fs.readdirSync(dir).map((f) => [f, stamp(f)]));
    for (const f of before.keys()) fs.utimesSync(path.join(dir, f), new Date(0), new Date(0));

    // One page's bytes changed, one page is gone from the build.
    const { page: changedPage, html } = pages[0] as { page: PagePath; html: string };
    const gonePage = pages.find(({ page }) => partOf(page) !== partOf(changedPage))?.page as PagePath;
    const next: PageCache = new Map(loaded);
    next.set(changedPage, readCached(new Map(), changedPage, encode(html.replace('</main>', '<p>added</p></main>'))).cached);
    next.delete(gonePage);
    const expected = new Set([partOf(changedPage), partOf(gonePage)]);
    expect(savePageCache(dir, next, undefined, loaded)).toBe([...expected].filter((part) => [...next.keys()].some((page) => partOf(page) === part)).length);

    const file = (part: number) => `${String(part).padStart(2, '0')}.v8`;
    for (const f of fs.readdirSync(dir)) {
      expect(f).toMatch(/^\d\d\.v8$/);
      const rewritten = stamp(f) !== 0;
      expect(rewritten, f).toBe(expected.has(Number(f.slice(0, 2))));
    }
    if (![...next.keys()].some((page) => partOf(page) === partOf(gonePage))) expect(fs.existsSync(path.join(dir, file(partOf(gonePage))))).toBe(false);
    expect(fs.existsSync(path.join(tmp, 'parts', 'pages.v8'))).toBe(false);
    const again = loadPageCache(dir);
    expect([...again.keys()].sort()).toEqual([...next.keys()].sort());
    expect(again.get(changedPage)?.hash).toBe(next.get(changedPage)?.hash);

    savePageCache(dir, new Map(), undefined, again);
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(loadPageCache(dir).size).toBe(0);
  });

  it('keeps what each page was made from, and writes a part again when only that changed', () => {
    const { pages, stored } = firstPass();
    const dir = path.join(tmp, 'made', 'pages');
    const made = new Map(pages.map(({ page }, i) => [page, `code:key-${i}`]));
    const withMade: PageCache = new Map([...stored].map(([page, result]) => [page, { ...result, made: made.get(page) }]));
    savePageCache(dir, withMade);
    const loaded = loadPageCache(dir);
    for (const { page } of pages) expect(loaded.get(page)?.made).toBe(made.get(page));

    // The same bytes, made from another key (a page Astro rendered again with the same output): its part is written again.
    const { page } = pages[0] as { page: PagePath };
    const next: PageCache = new Map(loaded);
    next.set(page, { ...(loaded.get(page) as CachedPage), made: 'code:another-key' });
    expect(savePageCache(dir, next, undefined, loaded)).toBe(1);
    expect(loadPageCache(dir).get(page)?.made).toBe('code:another-key');
    expect(savePageCache(dir, loadPageCache(dir), undefined, loadPageCache(dir))).toBe(0);
  });
});
