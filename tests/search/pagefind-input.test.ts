/**
 * Pagefind gets each section page's <head> without its styles and [data-pagefind-body] element
 * only (src/search/pagefind-input.ts). Its index must be the one it makes from the whole pages.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import * as pagefind from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { readHtml } from '../../src/lib/html-pass.ts';
import { EXCLUDED_SELECTORS } from '../../src/search/fallback-index.ts';
import { pagefindInput, pagefindInputReader } from '../../src/search/pagefind-input.ts';
import { fileHashes, sectionPages, siteDir } from '../helpers/site.ts';
import { tempBuildRoot } from '../helpers/temp-build.ts';

const reduce = (html: string): string => {
  const reader = pagefindInputReader(html);
  readHtml(html, [reader]);
  return pagefindInput(html, reader.result());
};

/** Pagefind's files for these pages, each given whole or reduced, as path -> sha256. */
async function indexOf(pages: readonly { file: string; html: string }[], out: string): Promise<Map<string, string>> {
  const { index } = await pagefind.createIndex({ excludeSelectors: EXCLUDED_SELECTORS, forceLanguage: 'en' });
  if (!index) throw new Error('Pagefind did not start');
  for (const page of pages) await index.addHTMLFile({ sourcePath: page.file, content: page.html });
  await index.writeFiles({ outputPath: out });
  await pagefind.close();
  return fileHashes(out);
}

describe('what Pagefind reads of a section page', () => {
  const tmp = tempBuildRoot('pagefind-input');
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('is the head without its styles and the searchable element, about half the page', () => {
    const html = fs.readFileSync(path.join(siteDir(), sectionPages()[0] ?? ''), 'utf8');
    const reduced = reduce(html);
    expect(reduced.length).toBeLessThan(html.length * 0.6);
    const page = cheerio.load(html);
    expect(page('head style').length).toBeGreaterThan(0);
    const $ = cheerio.load(reduced);
    expect($('style').length).toBe(0);
    page('head style').remove();
    expect($('head').html()).toBe(page('head').html());
    expect($('html').attr('lang')).toBe('en');
    expect($('body').children().toArray().map((e) => `${e.tagName}${'data-pagefind-body' in e.attribs ? '[data-pagefind-body]' : ''}`)).toEqual(['article[data-pagefind-body]']);
    expect($('body > article').html()).toBe(page('[data-pagefind-body]').html());
    expect($('nav, footer').length).toBe(page('[data-pagefind-body] nav, [data-pagefind-body] footer').length);
  });

  it('cuts every style out of the head, wherever it stands, and nothing else', () => {
    const html = '<html lang="en"><head><style>a{}</style><title>T</title><style media="print">b{}</style><meta name="x" content="y"><style>c{}</style></head><body><nav>n</nav><article data-pagefind-body><style>d{}</style><p>x</p></article></body></html>';
    expect(reduce(html)).toBe('<html lang="en"><head><title>T</title><meta name="x" content="y"></head><body><article data-pagefind-body><style>d{}</style><p>x</p></article></body></html>');
  });

  it('leaves a page whole when it has no searchable element or no head end', () => {
    expect(reduce('<html><body><p>x</p></body></html>')).toBe('<html><body><p>x</p></body></html>');
    expect(reduce('<div data-pagefind-body><p>x</p></div>')).toBe('<div data-pagefind-body><p>x</p></div>');
  });

  it('gives Pagefind the same index as the whole pages', async () => {
    const pages = sectionPages().map((file) => ({ file, html: fs.readFileSync(path.join(siteDir(), file), 'utf8') }));
    expect(pages.length).toBeGreaterThan(10);
    const whole = await indexOf(pages, path.join(tmp, 'whole'));
    const reduced = await indexOf(pages.map((p) => ({ ...p, html: reduce(p.html) })), path.join(tmp, 'reduced'));
    expect(whole.size).toBeGreaterThan(pages.length);
    expect(reduced).toEqual(whole);
  }, 60_000);
});
