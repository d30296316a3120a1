import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { linksJsonSchema } from '../../src/schemas/links.ts';
import { loadPage, sectionPages, siteDir, siteFiles } from '../helpers/site.ts';

/** links.json of the seed build, checked against the pages themselves, parsed with cheerio. */
describe('links.json', () => {
  const json: unknown = JSON.parse(fs.readFileSync(path.join(siteDir(), 'links.json'), 'utf8'));
  const { targets } = linksJsonSchema.parse(json);

  it('has version 2 and exactly the fields DESIGN.md names', () => {
    expect((json as { version: unknown }).version).toBe(2);
    for (const t of targets) expect(Object.keys(t).sort()).toEqual(['aliases', 'anchor', 'kind', 'title', 'topic', 'url']);
  });

  it('lists every page a reader may link to once, and no page twice', () => {
    const pages = targets.filter((t) => t.kind === 'page').map((t) => t.url);
    expect(new Set(pages).size).toBe(pages.length);
    const linkable = siteFiles(['.html']).filter((f) => loadPage(f)('meta[name="robots"][content~="noindex"]').length === 0);
    expect(pages.sort()).toEqual(linkable.sort());
    expect(pages).not.toContain('404.html');
  });

  it('has no target twice', () => {
    const keys = targets.map((t) => `${t.url}#${t.anchor ?? ''}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('resolves every target: the file exists and the anchor names exactly one element', () => {
    const byUrl = Map.groupBy(targets, (t) => t.url);
    for (const [url, list] of byUrl) {
      expect(fs.existsSync(path.join(siteDir(), url)), url).toBe(true);
      const $ = loadPage(url);
      for (const t of list) if (t.anchor) expect($(`[id="${t.anchor}"]`).length, `${url}#${t.anchor}`).toBe(1);
    }
  });

  it.each(sectionPages())('lists every heading and paragraph of the body of %s, with its topic', (page) => {
    const $ = loadPage(page);
    const body = $('main .source-text').find('h2[id], h3[id], h4[id], h5[id], h6[id], p[id]').map((_, e) => $(e).attr('id')).get();
    expect(body.length).toBeGreaterThan(0);
    const listed = targets.filter((t) => t.url === page && t.anchor !== null);
    expect(listed.map((t) => t.anchor)).toEqual(body);
    const topic = page.split('/')[0];
    for (const t of targets.filter((x) => x.url === page)) expect(t.topic).toBe(topic);
  });

  it('titles headings by their words and paragraphs by their first source words, without self-links or editorial inserts', () => {
    const find = (anchor: string) => targets.find((t) => t.url === 'history/revolution-and-recognition.html' && t.anchor === anchor);
    expect(find('relations-interrupted')).toMatchObject({ kind: 'heading', title: 'Relations interrupted', topic: 'history' });
    const paragraph = find('p-interrupted');
    expect(paragraph?.kind).toBe('paragraph');
    // "1917," is a restored repair (data-editorial): the title keeps the source words only.
    expect(paragraph?.title).toBe('Diplomatic relations were interrupted following the Bolshevik Revolution. On December 6,President Woodrow…');
    expect(targets.find((t) => t.url === 'history/revolution-and-recognition.html' && t.anchor === null)?.title).toBe('From the Bolshevik Revolution to recognition, 1917–1933');
    expect(targets.find((t) => t.url === 'entities/nato.html')).toMatchObject({ kind: 'page', topic: null });
    for (const t of targets) expect(t.title).not.toMatch(/[¶#]$/);
  });
});
