/**
 * The seed's own evidence: ingest the raw seed into an empty content folder, then a text made of
 * the intact quotes of /work/shared/reference/provenance.md. Every restoration row whose quote
 * holds the lost value with the scraped words around the gap (so the place is known) must come
 * back with that value at that place, quoting it as evidence; no other value may be inserted.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compact, readSections, repairOffset, run, tempDir, type SectionRead } from './helpers.ts';

const SHARED = path.resolve(import.meta.dirname, '..', '..', '..', 'shared');
const SEED = path.join(SHARED, 'seed', 'russia-us-relations.scraped.txt');
const PROVENANCE = path.join(SHARED, 'reference', 'provenance.md');
const present = fs.existsSync(SEED) && fs.existsSync(PROVENANCE);

interface Row { n: number; line: number; scraped: string; restored: string; quotes: string[] }

/** The restorations table: `| # | line | "scraped" | "restored" | evidence with "quotes" | confidence |`. */
function rows(): Row[] {
  return fs.readFileSync(PROVENANCE, 'utf8').split('\n').flatMap((l) => {
    const cells = l.split('|').slice(1, -1).map((c) => c.trim());
    if (cells.length !== 6 || !/^\d+$/.test(cells[0] ?? '') || !/^\d+$/.test(cells[1] ?? '')) return [];
    const quoted = (c: string) => [...c.matchAll(/"([^"]+)"/g)].map((m) => m[1] ?? '');
    return [{ n: Number(cells[0]), line: Number(cells[1]), scraped: quoted(cells[2] ?? '')[0] ?? '', restored: quoted(cells[3] ?? '')[0] ?? '', quotes: quoted(cells[4] ?? '') }];
  });
}

/** Digit runs of `restored` that `scraped` lacks: the lost value ("1917" of "December 6, 1917, President"). */
function lostValue(row: Row): string | undefined {
  const have = [...row.scraped.matchAll(/\d+/g)].map((m) => m[0]);
  const lost = [...row.restored.matchAll(/\d+/g)].map((m) => m[0]).filter((d) => {
    const i = have.indexOf(d);
    if (i === -1) return true;
    have.splice(i, 1);
    return false;
  });
  return lost.length === 1 ? lost[0] : undefined;
}

/**
 * Where the value goes in the seed line, in letters-and-digits (compact) coordinates: the
 * restored phrase is `A value B`, and the line reads `…A B…` there.
 */
function gapOf(row: Row, value: string, lineCompact: string): number | undefined {
  const r = compact(row.restored);
  const k = r.indexOf(value);
  const [a, b] = [r.slice(0, k), r.slice(k + value.length)];
  const from = lineCompact.indexOf(compact(row.scraped));
  for (let p = Math.max(from, 0); p <= lineCompact.length; p++) {
    if (lineCompact.slice(p - a.length, p) === a && lineCompact.slice(p, p + b.length) === b) return p;
  }
  return undefined;
}

describe.skipIf(!present)('corroboration of the seed by the provenance quotes', () => {
  const seedLines = present ? fs.readFileSync(SEED, 'utf8').split('\n') : [];
  const table = present ? rows() : [];
  const quotes = table.flatMap((r) => r.quotes);
  /** Rows whose quote holds the value with the line's words on both sides of the gap (or ends at the value). */
  const expected = table.flatMap((row) => {
    const value = lostValue(row);
    if (!value) return [];
    const lineCompact = compact(seedLines[row.line - 1] ?? '');
    const p = gapOf(row, value, lineCompact);
    if (p === undefined) return [];
    const before = lineCompact.slice(Math.max(0, p - 8), p);
    const after = lineCompact.slice(p, p + 4);
    const quote = row.quotes.map(compact).find((q) => q.includes(before + value + after) || q.endsWith(before + value));
    return quote ? [{ row, value, p, lineCompact }] : [];
  });
  let content = '';
  let sections: SectionRead[] = [];

  beforeAll(() => {
    content = tempDir('seed');
    const quotesFile = path.join(content, '..', `${path.basename(content)}-quotes.txt`);
    fs.writeFileSync(quotesFile, `${quotes.join('\n\n')}\n`);
    run('ingest', content, SEED, '--id', 'russia-us-relations');
    run('ingest', content, quotesFile, '--id', 'provenance-quotes', '--title', 'Intact quotes', '--publisher', 'Provenance research', '--url', 'https://example.org/provenance');
    sections = readSections(content);
  });

  it('finds the rows to check in the table (the ones whose quote holds the lost value in place)', () => {
    expect(table.length).toBe(25);
    expect(expected.map((e) => e.row.n)).toEqual([4, 6, 9, 17, 18, 19, 21, 22, 23]);
  });

  it('restores each of them with the right value at the right place, quoting the intact sentence', () => {
    const inserted = sections.flatMap((s) => (s.data.repairs ?? []).filter((r) => r.insert !== undefined).map((r) => ({ s, r })));
    for (const { row, value, p, lineCompact } of expected) {
      const line = seedLines[row.line - 1] ?? '';
      const restored = lineCompact.slice(0, p) + value + lineCompact.slice(p);
      // The repair of this row: on a seed section holding the line, its words put in the line give the restored line.
      const found = inserted.filter(({ s, r }) => {
        const at = repairOffset(line, r);
        return s.data.source === 'russia-us-relations' && s.data.lines.includes(row.line) && at !== undefined && compact(line.slice(0, at) + (r.insert ?? '') + line.slice(at)) === restored;
      });
      expect(found, `row ${row.n}: ${value} after “${row.scraped}”`).toHaveLength(1);
      const { r } = found[0] as (typeof found)[number];
      expect(compact(r.insert ?? '')).toBe(value);
      expect(r.evidence?.source).toBe('provenance-quotes');
      expect(row.quotes).toContain(r.evidence?.quote);
      expect(r.evidence).toMatchObject({ publisher: 'Provenance research', url: 'https://example.org/provenance' });
      expect(r.note).toMatch(/Restored from another source/);
    }
  });

  it('inserts nothing else, anywhere', () => {
    const inserted = sections.flatMap((s) => (s.data.repairs ?? []).filter((r) => r.insert !== undefined));
    expect(inserted).toHaveLength(expected.length);
  });

  it('says which seed paragraphs the quotes corroborate, and the quotes say it back', () => {
    const seedSide = sections.filter((s) => s.data.source === 'russia-us-relations').flatMap((s) => s.data.corroboration ?? []);
    const quoteSide = sections.filter((s) => s.data.source === 'provenance-quotes').flatMap((s) => s.data.corroboration ?? []);
    expect(seedSide.some((c) => c.line === 51 && c.source === 'provenance-quotes')).toBe(true);
    for (const c of seedSide) for (const l of c.lines) expect(quoteSide.some((q) => q.line === l && q.source === 'russia-us-relations' && q.lines.includes(c.line))).toBe(true);
    // Every entry names a paragraph the section body really has.
    for (const s of sections) for (const c of s.data.corroboration ?? []) expect(s.body).toContain(`{/* #${c.paragraph} */}`);
  });
});
