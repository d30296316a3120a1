import fs from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { describe, expect, inject, it } from 'vitest';

const dist = inject('siteDir');
const root = path.resolve(import.meta.dirname, '../..');

describe('entity pages lead to every section that names the entity', () => {
  it('lists a section that names the entity only in a repair (the United Nations)', () => {
    // Independent expectation: the seed's sections whose repairs quote "United Nations".
    const sectionsDir = path.join(root, 'content', 'sections');
    const expected = fs.readdirSync(sectionsDir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.mdx'))
      .filter((f) => /^ {2}insert: .*United Nations/m.test(fs.readFileSync(path.join(sectionsDir, f), 'utf8').split('\n---')[0] ?? ''))
      .map((f) => `../${f.replace(/\.mdx$/, '.html')}`);
    expect(expected.length).toBeGreaterThan(0);
    const $ = cheerio.load(fs.readFileSync(path.join(dist, 'entities', 'united-nations.html'), 'utf8'));
    const heading = $('#repairs-heading');
    expect(heading.text()).toBe('Named in editorial notes');
    const listed = heading.parent().find('a').map((_, a) => $(a).attr('href')).get();
    for (const href of expected) expect(listed).toContain(href);
  });
});
