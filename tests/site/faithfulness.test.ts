import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { collapse, loadPage, sectionPages, sourceTextOf } from '../helpers/site.ts';

const SOURCE_ID = 'russia-us-relations';
const root = path.resolve(import.meta.dirname, '../..');
const sourceLines = fs.readFileSync(path.join(root, 'content/sources', `${SOURCE_ID}.txt`), 'utf8').split('\n');
const manifest = parse(fs.readFileSync(path.join(root, 'content/sources', `${SOURCE_ID}.yaml`), 'utf8')) as {
  dropped: { line: number; text: string; reason: string }[];
};

/** Every source paragraph on every section page, as a reader sees it once editorial additions are removed. */
function renderedParagraphs(): { page: string; id: string; text: string }[] {
  return sectionPages().flatMap((page) => {
    const $ = loadPage(page);
    return $('main .source-text p[id]')
      .map((_, p) => ({ page, id: $(p).attr('id') ?? '', text: sourceTextOf($, p) }))
      .get();
  });
}

describe('faithfulness to the source', () => {
  const paragraphs = renderedParagraphs();

  it('renders source paragraphs on section pages', () => {
    expect(paragraphs.length).toBeGreaterThanOrEqual(20);
  });

  it.each(paragraphs.map((p) => [`${p.page}#${p.id}`, p.text]))('%s is whole source text, verbatim', (_, text) => {
    const line = sourceLines.find((l) => collapse(l).includes(text));
    expect(line, `not found verbatim in the source: ${text}`).toBeDefined();
  });

  it('places every substantive line in sections, or lists it in the manifest with a reason', () => {
    const dropped = new Map(manifest.dropped.map((d) => [d.line, d]));
    const problems: string[] = [];
    sourceLines.forEach((raw, i) => {
      const n = i + 1;
      const line = collapse(raw);
      if (line === '') return;
      const drop = dropped.get(n);
      const covered = new Array<boolean>(line.length).fill(false);
      for (const p of paragraphs) {
        for (let at = line.indexOf(p.text); at !== -1; at = line.indexOf(p.text, at + 1)) covered.fill(true, at, at + p.text.length);
      }
      const uncovered = [...line].filter((ch, k) => !covered[k] && ch !== ' ').join('');
      if (drop) {
        if (drop.text !== raw) problems.push(`line ${n}: manifest text differs from the source`);
        if (covered.some(Boolean) && uncovered.length === 0) problems.push(`line ${n}: both dropped and placed`);
      } else if (uncovered.length > 0) {
        problems.push(`line ${n}: not in any section and not in the manifest (${uncovered.length} characters uncovered)`);
      }
    });
    expect(problems).toEqual([]);
  });

  it('shows the whole text, line by line, on the source page', () => {
    const $ = loadPage(`sources/${SOURCE_ID}.html`);
    // Editorial marks (where a part lives, restored values) are removed: what is left is the line as scraped.
    const shown = $('main .source-line__text').map((_, el) => $(el).clone().find('[data-editorial]').remove().end().text()).get();
    expect(shown).toEqual(sourceLines.filter((l) => l.trim() !== ''));
  });

  it('keeps quotes and dashes exactly as written (no smart punctuation)', () => {
    const all = paragraphs.map((p) => p.text).join('\n');
    expect(all).toContain('The "Roadmap for Peace" proposal');
    expect(all).toContain('Euro-Atlantic security — one that');
    expect(all).not.toMatch(/[“”‘’]/);
  });
});
