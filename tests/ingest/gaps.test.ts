import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanLines } from '../../src/ingest/clean.ts';
import { splitLines } from '../../src/ingest/decode.ts';
import { detectGaps } from '../../src/ingest/gaps.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const seed = splitLines(fs.readFileSync(path.join(ROOT, 'content', 'sources', 'russia-us-relations.txt'), 'utf8')).lines;
const truth = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests', 'fixtures', 'ingest', 'provenance-gaps.json'), 'utf8')) as { rows: { row: number; line: number; scraped: string }[] };

/** Every gap found in the seed's kept lines, with the rows it falls in. */
function evaluate() {
  const kept = cleanLines(seed).verdicts.filter((v) => v.kind === 'text');
  const detections = kept.flatMap((v) => detectGaps(v.text.trim()).map((g) => ({ line: v.line, end: g.end, kind: g.kind, text: v.text.trim() })));
  const rowSpan = (r: { line: number; scraped: string }) => {
    const text = seed[r.line - 1] ?? '';
    const start = text.indexOf(r.scraped);
    return { start, end: start + r.scraped.length };
  };
  const hits = (d: { line: number; end: number }) => truth.rows.filter((r) => {
    const span = rowSpan(r);
    return r.line === d.line && d.end >= span.start && d.end <= span.end;
  });
  const found = new Set(detections.flatMap((d) => hits(d).map((r) => r.row)));
  const truePositives = detections.filter((d) => hits(d).length > 0).length;
  return {
    recall: found.size / truth.rows.length,
    precision: truePositives / detections.length,
    missed: truth.rows.filter((r) => !found.has(r.row)).map((r) => r.row),
    falsePositives: detections.filter((d) => hits(d).length === 0).map((d) => `${d.line}: …${d.text.slice(Math.max(0, d.end - 20), d.end)}|${d.text.slice(d.end, d.end + 10)}…`),
  };
}

describe('gap detection against the provenance table (25 rows)', () => {
  it('quotes every row verbatim from the seed', () => {
    for (const r of truth.rows) expect(seed[r.line - 1], `row ${r.row}`).toContain(r.scraped);
  });

  it('finds at least 85% of the rows with at least 90% precision', () => {
    const result = evaluate();
    console.log(`[gaps] recall ${(result.recall * 100).toFixed(0)}% (missed rows ${result.missed.join(', ')}), precision ${(result.precision * 100).toFixed(0)}% (not in the table: ${result.falsePositives.join(' ; ') || 'none'})`);
    expect(result.recall).toBeGreaterThanOrEqual(0.85);
    expect(result.precision).toBeGreaterThanOrEqual(0.9);
    // Rows 5, 17 and 20 leave no shape in the text (a lost name, a lost number with no trace, a lost clause).
    expect(result.missed).toEqual([5, 17, 20]);
  });

  it.each([
    ['The NATO Allies agreed on 17 July 2014, calling for calm.', 0],
    ['Normal relations resumed on November 16, 1933, when the U.S. recognised them.', 0],
    ['Signed by President George H. W. Bush in Washington.', 0],
    ['They met in Brussels and in The Hague, and the INF Treaty was discussed.', 0],
    ['It was a 3D model of 4K images shown into the night.', 0],
    ['It happened in Aprilthe council met.', 1],
    ['Over 3, officers were trained.', 1],
    ['The treaty of 1987 entered into force inwas concluded.', 1],
  ])('%j has %i gap(s)', (text, count) => {
    expect(detectGaps(text)).toHaveLength(count);
  });
});
