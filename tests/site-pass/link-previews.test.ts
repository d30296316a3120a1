/**
 * The link-preview data scripts the site pass writes from the built pages
 * (src/site-pass/link-previews.ts): a page's card is read back exactly as the page wrote it, and
 * a page's previews are the cards of the pages its <main> links to, each once, never itself.
 * The built site's scripts are checked against the target pages in tests/reading/navigation.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readHtml } from '../../src/lib/html-pass.ts';
import { PREVIEWS_GLOBAL } from '../../src/lib/previews.ts';
import type { PagePath } from '../../src/lib/urls.ts';
import { previewsOf, previewsReader, writeLinkPreviews, type PagePreviews } from '../../src/site-pass/link-previews.ts';
import { tempBuildRoot } from '../helpers/temp-build.ts';

const tmp = tempBuildRoot('link-previews');
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Escapes text for a double-quoted attribute, as Astro does. */
const attr = (text: string) => text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

function page(card: { kind: string; title: string; summary: string } | null, main: string, outside = ''): string {
  const loader = card ? `<script defer src="../assets/preview-loader.js" data-previews="../previews/x.js" data-preview-kind="${attr(card.kind)}" data-preview-title="${attr(card.title)}"></script>` : '';
  return `<!doctype html><html lang="en"><head><title>T</title><meta name="description" content="${attr(card?.summary ?? 'About.')}">${loader}</head>` +
    `<body><nav><a href="../index.html">Home</a>${outside}</nav><main>${main}</main></body></html>`;
}

function read(html: string): PagePreviews {
  const reader = previewsReader();
  readHtml(html, [reader]);
  return reader.result();
}

describe('a page as previews show it', () => {
  it('reads back any kind, title and summary exactly as the page wrote them', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (kind, title, summary) => {
        expect(read(page({ kind, title, summary }, '<p>x</p>')).card).toEqual({ kind, title, summary });
      }),
    );
  });

  it('has no card, and keeps no links, without the loader', () => {
    expect(read(page(null, '<a href="b.html">B</a>'))).toEqual({ card: null, links: [] });
  });

  it('keeps the links of <main> only, once each, without self-links, fragments-only or links off the site', () => {
    const card = { kind: 'Section', title: 'A', summary: 'About A.' };
    const html = page(card, '<p id="p1">Text <a class="self-link" href="#p1">#</a> <a href="b.html#p2">B</a> <a href="b.html#p2">B again</a> <a href="#p1">here</a> <a href="https://example.org/">out</a> <a href="//example.org/">out</a> <a href="mailto:x@example.org">mail</a> <a href="../entities/nato.html">NATO</a></p>', '<a href="c.html">C</a>');
    expect(read(html).links).toEqual(['b.html#p2', '../entities/nato.html']);
  });
});

describe('a page\'s previews', () => {
  const cards = new Map<PagePath, { kind: string; title: string; summary: string }>([
    ['history/a.html' as PagePath, { kind: 'Section', title: 'A', summary: 'About A.' }],
    ['history/b.html' as PagePath, { kind: 'Section', title: 'B', summary: 'About B.' }],
    ['entities/nato.html' as PagePath, { kind: 'Organisation', title: 'NATO', summary: 'The alliance.' }],
  ]);

  it('are the cards its links point to, in link order, each once, never its own, with hrefs as seen from the page', () => {
    const previews = previewsOf('history/a.html' as PagePath, ['../entities/nato.html', 'b.html#p2', 'a.html', 'b.html', '../timeline.html', 'gone.html'], cards);
    expect(previews).toEqual([
      { href: '../entities/nato.html', kind: 'Organisation', title: 'NATO', summary: 'The alliance.' },
      { href: 'b.html', kind: 'Section', title: 'B', summary: 'About B.' },
    ]);
  });

  it('are written as one data script per page with a card, and none for other pages', () => {
    const out = path.join(tmp, 'out');
    const pages = new Map<PagePath, PagePreviews>([
      ['history/a.html' as PagePath, { card: { kind: 'Section', title: 'A', summary: 'About A.' }, links: ['../entities/nato.html'] }],
      ['entities/nato.html' as PagePath, { card: { kind: 'Organisation', title: 'NATO', summary: 'The alliance.' }, links: ['../history/a.html', '../history/a.html#p1'] }],
      ['index.html' as PagePath, { card: null, links: [] }],
    ]);
    expect(writeLinkPreviews(out, pages)).toEqual({ scripts: 2, linked: 0, unmade: 0 });
    const rows = (file: string) => {
      const text = fs.readFileSync(path.join(out, file), 'utf8');
      const prefix = `self.${PREVIEWS_GLOBAL}=`;
      expect(text.startsWith(prefix)).toBe(true);
      return JSON.parse(text.slice(prefix.length).trim().replace(/;$/, '')) as string[][];
    };
    expect(rows('previews/history/a.js')).toEqual([['../entities/nato.html', 'Organisation', 'NATO', 'The alliance.']]);
    expect(rows('previews/entities/nato.js')).toEqual([['../history/a.html', 'Section', 'A', 'About A.']]);
    expect(fs.readdirSync(path.join(out, 'previews')).sort()).toEqual(['entities', 'history']);
  });

  it('are linked from the last build\'s when unchanged, written afresh when not, and the same either way', () => {
    const kept = path.join(tmp, 'kept');
    const pages = (natoTitle: string) => new Map<PagePath, PagePreviews>([
      ['history/a.html' as PagePath, { card: { kind: 'Section', title: 'A', summary: 'About A.' }, links: ['../entities/nato.html'] }],
      ['history/b.html' as PagePath, { card: { kind: 'Section', title: 'B', summary: 'About B.' }, links: ['a.html'] }],
      ['entities/nato.html' as PagePath, { card: { kind: 'Organisation', title: natoTitle, summary: 'The alliance.' }, links: ['../history/a.html'] }],
    ]);
    const build = (name: string, natoTitle: string) => {
      const out = path.join(tmp, name);
      const result = writeLinkPreviews(out, pages(natoTitle), kept);
      const clean = path.join(tmp, `${name}-clean`);
      writeLinkPreviews(clean, pages(natoTitle));
      for (const file of ['previews/history/a.js', 'previews/history/b.js', 'previews/entities/nato.js']) {
        expect(fs.readFileSync(path.join(out, file), 'utf8'), file).toBe(fs.readFileSync(path.join(clean, file), 'utf8'));
      }
      return { out, result, inode: (file: string) => fs.statSync(path.join(out, file)).ino };
    };
    const first = build('k1', 'NATO');
    expect(first.result).toEqual({ scripts: 3, linked: 0, unmade: 0 });
    const second = build('k2', 'NATO');
    expect(second.result).toEqual({ scripts: 3, linked: 3, unmade: 0 });
    expect(second.inode('previews/history/a.js')).toBe(first.inode('previews/history/a.js'));
    // NATO renamed: only a.js shows NATO's title; it is written afresh, the others linked.
    const third = build('k3', 'North Atlantic Treaty Organization');
    expect(third.result).toEqual({ scripts: 3, linked: 2, unmade: 0 });
    expect(third.inode('previews/history/a.js')).not.toBe(first.inode('previews/history/a.js'));
    expect(fs.readFileSync(path.join(third.out, 'previews/history/a.js'), 'utf8')).toContain('North Atlantic Treaty Organization');
    // The earlier builds' files are untouched.
    expect(fs.readFileSync(path.join(first.out, 'previews/history/a.js'), 'utf8')).not.toContain('North Atlantic');
    expect(build('k4', 'North Atlantic Treaty Organization').result).toEqual({ scripts: 3, linked: 3, unmade: 0 });
  });

  it('are not made again when their page and every card are the last build\'s, and come out as a clean build\'s when either changed', () => {
    const kept = path.join(tmp, 'kept-unmade');
    type Site = { aLinks: string[]; natoTitle: string; aText?: string };
    const pages = ({ aLinks, natoTitle }: Site) => new Map<PagePath, PagePreviews>([
      ['history/a.html' as PagePath, { card: { kind: 'Section', title: 'A', summary: 'About A.' }, links: aLinks }],
      ['history/b.html' as PagePath, { card: { kind: 'Section', title: 'B', summary: 'About B.' }, links: ['a.html'] }],
      ['entities/nato.html' as PagePath, { card: { kind: 'Organisation', title: natoTitle, summary: 'The alliance.' }, links: ['../history/a.html'] }],
    ]);
    // A page's bytes, as the site pass hashes them: here, what the page holds.
    const hashOf = (site: Site) => (page: PagePath) => JSON.stringify([pages(site).get(page), page === 'history/a.html' ? site.aText : '']);
    const build = (name: string, site: Site) => {
      const out = path.join(tmp, name);
      const result = writeLinkPreviews(out, pages(site), kept, hashOf(site));
      const clean = path.join(tmp, `${name}-clean`);
      writeLinkPreviews(clean, pages(site));
      for (const file of ['previews/history/a.js', 'previews/history/b.js', 'previews/entities/nato.js']) {
        expect(fs.readFileSync(path.join(out, file), 'utf8'), `${name}: ${file}`).toBe(fs.readFileSync(path.join(clean, file), 'utf8'));
      }
      return result;
    };
    const site: Site = { aLinks: ['../entities/nato.html'], natoTitle: 'NATO' };
    expect(build('u1', site)).toEqual({ scripts: 3, linked: 0, unmade: 0 });
    expect(build('u2', site)).toEqual({ scripts: 3, linked: 3, unmade: 3 });
    // Page a's text edited, its links not: its script is made again, comes out the same, and is
    // recorded as made from the new bytes, so the next build does not make it again.
    const aText: Site = { ...site, aText: 'a sentence added' };
    expect(build('u2b', aText)).toEqual({ scripts: 3, linked: 3, unmade: 2 });
    expect(build('u2c', aText)).toEqual({ scripts: 3, linked: 3, unmade: 3 });
    // Page a now also links to b: its bytes changed, so its script is made again (and differs); the others are not made.
    const aEdited: Site = { aLinks: ['../entities/nato.html', 'b.html'], natoTitle: 'NATO' };
    expect(build('u3', aEdited)).toEqual({ scripts: 3, linked: 2, unmade: 2 });
    expect(fs.readFileSync(path.join(tmp, 'u3', 'previews/history/a.js'), 'utf8')).toContain('About B.');
    // A card changed (NATO's title): every script is made again, since any page may show it; only a.js differs.
    const renamed: Site = { ...aEdited, natoTitle: 'North Atlantic Treaty Organization' };
    expect(build('u4', renamed)).toEqual({ scripts: 3, linked: 2, unmade: 0 });
    expect(build('u5', renamed)).toEqual({ scripts: 3, linked: 3, unmade: 3 });
  });
});
