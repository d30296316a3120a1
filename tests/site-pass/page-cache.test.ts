/**
 * The site pass keeps each page's result between builds (src/site-pass/page-cache.ts): a page
 * with the same bytes gets the stored result instead of a parse, a changed page is parsed again,
 * and a cache file that is damaged or of another version is a miss, never an error.
 */
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import * as cheerio from 'cheerio';
import { afterAll, describe, expect, it } from 'vitest';
import type { PagePath } from '../../src/lib/urls.ts';
import { pagefindInput } from '../../src/search/pagefind-input.ts';
import { loadPageCache, readCached, readerVersion, savePageCache, type PageCache } from '../../src/site-pass/page-cache.ts';
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
    const file = path.join(tmp, 'hit', 'pages.v8');
    savePageCache(file, stored);
    const loaded = loadPageCache(file);
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

  it('ignores a cache file that is missing, damaged, of another version or of another shape', () => {
    const { stored } = firstPass();
    const dir = path.join(tmp, 'bad');
    const good = path.join(dir, 'good.v8');
    savePageCache(good, stored);
    expect(loadPageCache(good).size).toBe(5);

    expect(loadPageCache(path.join(dir, 'missing.v8')).size).toBe(0);
    const bytes = fs.readFileSync(good);
    const truncated = path.join(dir, 'truncated.v8');
    fs.writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(loadPageCache(truncated).size).toBe(0);
    const garbage = path.join(dir, 'garbage.v8');
    fs.writeFileSync(garbage, 'not a cache at all');
    expect(loadPageCache(garbage).size).toBe(0);
    const foreign = path.join(dir, 'foreign.v8');
    savePageCache(foreign, stored, 'another reader version');
    expect(loadPageCache(foreign).size).toBe(0);
    expect(loadPageCache(foreign, 'another reader version').size).toBe(5);
    const shape = path.join(dir, 'shape.v8');
    fs.writeFileSync(shape, v8.serialize({ version: readerVersion(), pages: [...stored] }));
    expect(loadPageCache(shape).size).toBe(0);
  });

  it('writes the file whole, leaving no temporary file beside it', () => {
    const { stored } = firstPass();
    const dir = path.join(tmp, 'atomic');
    savePageCache(path.join(dir, 'pages.v8'), stored);
    savePageCache(path.join(dir, 'pages.v8'), new Map());
    expect(fs.readdirSync(dir)).toEqual(['pages.v8']);
    expect(loadPageCache(path.join(dir, 'pages.v8')).size).toBe(0);
  });
});
