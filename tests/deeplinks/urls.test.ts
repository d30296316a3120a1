import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prerenderedPagePath, relativeUrl, resolveUrl, type PagePath } from '../../src/lib/urls.ts';

/** A path segment: any text but "", "." and ".." (which are not names), and no "/". */
const segment = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }).filter((s) => !s.includes('/') && s !== '.' && s !== '..');
const pagePath = fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('/') as PagePath);
const fragment = fc.option(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }), { nil: null });

describe('relativeUrl and resolveUrl', () => {
  it('round-trip: the URL written on any page resolves back to the page and fragment it was made for', () => {
    fc.assert(
      fc.property(pagePath, pagePath, fragment, (from, to, hash) => {
        const url = relativeUrl(from, to, hash);
        expect(resolveUrl(from, url)).toEqual({ path: to, fragment: hash });
      }),
      { numRuns: 2000 },
    );
  });

  it('resolves the same URL against the folder of each page it is on, however often it was resolved before', () => {
    const href = '../entities/nato.html#p-1';
    for (let round = 0; round < 2; round++) {
      expect(resolveUrl('history/a.html' as PagePath, href)).toEqual({ path: 'entities/nato.html', fragment: 'p-1' });
      expect(resolveUrl('history/b.html' as PagePath, href.replace('p-1', 'p-2'))).toEqual({ path: 'entities/nato.html', fragment: 'p-2' });
      expect(resolveUrl('index.html' as PagePath, href)).toEqual({ path: 'entities/nato.html', fragment: 'p-1' });
      expect(resolveUrl('a/b/c.html' as PagePath, href)).toEqual({ path: 'a/entities/nato.html', fragment: 'p-1' });
      expect(resolveUrl('a/b/c.html' as PagePath, '/entities/nato.html')).toEqual({ path: 'entities/nato.html', fragment: null });
    }
  });

  it('writes the same link from pages in different folders for each folder, however often it was written before', () => {
    const to = 'entities/nato.html' as PagePath;
    for (let round = 0; round < 2; round++) {
      expect(relativeUrl('history/a.html' as PagePath, to, 'p-1')).toBe('../entities/nato.html#p-1');
      expect(relativeUrl('history/b.html' as PagePath, to)).toBe('../entities/nato.html');
      expect(relativeUrl('index.html' as PagePath, to, 'p-1')).toBe('entities/nato.html#p-1');
      expect(relativeUrl('entities/x.html' as PagePath, to)).toBe('nato.html');
      expect(relativeUrl('a/b/c.html' as PagePath, to)).toBe('../../entities/nato.html');
      expect(relativeUrl('entities/nato.html' as PagePath, to, 'p-1')).toBe('#p-1');
      expect(relativeUrl('entities/nato.html' as PagePath, to)).toBe('nato.html');
    }
  });

  it('never writes a URL that starts with "/" or has a scheme', () => {
    fc.assert(
      fc.property(pagePath, pagePath, fragment, (from, to, hash) => {
        const url = relativeUrl(from, to, hash);
        expect(url.startsWith('/')).toBe(false);
        expect(/^[a-z][a-z0-9+.-]*:/i.test(url)).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it.each([
    ['history/a.html', 'entities/nato.html', 'p1', '../entities/nato.html#p1'],
    ['history/a.html', 'history/a.html', 'p1', '#p1'],
    ['history/a.html', 'history/b.html', null, 'b.html'],
    ['index.html', 'history/b.html', null, 'history/b.html'],
  ] as const)('on %s, %s#%s is written %s', (from, to, hash, expected) => {
    expect(relativeUrl(from as PagePath, to as PagePath, hash)).toBe(expected);
  });
});

describe('prerenderedPagePath: the file a prerendered path is written to', () => {
  it('maps the URL path of each kind of page to its file', () => {
    expect(prerenderedPagePath('/entities/nato.html')).toBe('entities/nato.html');
    expect(prerenderedPagePath('/history/revolution-and-recognition.html')).toBe('history/revolution-and-recognition.html');
    expect(prerenderedPagePath('/')).toBe('index.html');
    expect(prerenderedPagePath('/404.html')).toBe('404.html');
    expect(prerenderedPagePath('/entities/n%C3%A9.html')).toBe('entities/né.html');
    expect(prerenderedPagePath('/bad%E0.html')).toBe('bad%E0.html');
    expect(prerenderedPagePath('/history/revolution-and-recognition')).toBe('history/revolution-and-recognition.html');
    expect(prerenderedPagePath('/sub/')).toBe('sub/index.html');
  });

  it('is the inverse of the URL a page links to itself with', () => {
    fc.assert(fc.property(fc.array(fc.stringMatching(/^[\p{L}a-z0-9][\p{L}a-z0-9 ._-]{0,11}$/u), { minLength: 1, maxLength: 3 }), (parts) => {
      const page = `${parts.join('/')}.html` as PagePath;
      expect(prerenderedPagePath(new URL(relativeUrl(page, page), `https://example.org/${page}`).pathname)).toBe(page);
    }));
  });
});
