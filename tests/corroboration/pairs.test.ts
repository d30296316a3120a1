/**
 * Our own pairs: an intact text and a copy damaged the way the provenance notes describe (runs of
 * three or more digits deleted, often with the comma or space beside them). Ingested into an
 * empty content folder in either order, at least 90% of the lost values must come back at the
 * right place with the intact text's words and its evidence, and no inserted word may be absent
 * from the intact text.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compact, damage, readSections, repairOffset, run, settle, tempDir, wordsOf } from './helpers.ts';

const PAIRS = path.resolve(import.meta.dirname, '..', 'fixtures', 'corroboration', 'pairs');
const names = fs.readdirSync(PAIRS).filter((f) => f.endsWith('.txt')).sort();
const made: string[] = [];
afterAll(() => { for (const d of made) fs.rmSync(d, { recursive: true, force: true }); });

interface Outcome { lost: number; restored: number; wrongWords: string[]; evidenceOk: boolean; missed: string[] }

/** Ingests one pair in the given order and scores the damaged copy's repairs. */
function ingestPair(name: string, intactFirst: boolean): Outcome {
  const intact = fs.readFileSync(path.join(PAIRS, name), 'utf8');
  const { text: damaged, losses } = damage(intact);
  const work = tempDir('pair');
  made.push(work);
  const content = path.join(work, 'content');
  fs.mkdirSync(content);
  fs.writeFileSync(path.join(work, 'intact.txt'), intact);
  fs.writeFileSync(path.join(work, 'damaged.txt'), damaged);
  const steps = [
    ['intact.txt', 'intact', '--publisher', 'Intact Publisher', '--url', 'https://example.org/intact'],
    ['damaged.txt', 'damaged'],
  ];
  for (const [file, id, ...flags] of intactFirst ? steps : [...steps].reverse()) run('ingest', content, path.join(work, file ?? ''), '--id', id ?? '', ...flags);

  const lines = damaged.split('\n');
  const intactWords = new Set(wordsOf(intact));
  const repairs = readSections(content).filter((s) => s.data.source === 'damaged').flatMap((s) => (s.data.repairs ?? []).filter((r) => r.insert !== undefined).map((r) => ({ r, s })));
  const outcome: Outcome = { lost: losses.length, restored: 0, wrongWords: [], evidenceOk: true, missed: [] };
  for (const { r } of repairs) {
    for (const w of wordsOf(r.insert ?? '')) if (!intactWords.has(w)) outcome.wrongWords.push(w);
    outcome.evidenceOk &&= r.evidence?.source === 'intact' && r.evidence.publisher === 'Intact Publisher' && r.evidence.url === 'https://example.org/intact' && intact.includes(r.evidence.quote);
  }
  for (const loss of losses) {
    const line = lines[loss.line - 1] ?? '';
    const hit = repairs.some(({ r, s }) => {
      const at = repairOffset(line, r);
      return s.data.lines.includes(loss.line) && at !== undefined && settle(line, at) === settle(line, loss.offset) && compact(r.insert ?? '') === loss.value;
    });
    if (hit) outcome.restored++;
    else outcome.missed.push(`${name}:${loss.line}: ${loss.value} at “${line.slice(Math.max(0, loss.offset - 25), loss.offset)}|”`);
  }
  return outcome;
}

describe('corroboration of damaged copies by intact texts (our pairs)', () => {
  for (const intactFirst of [true, false]) {
    it(`restores >= 90% of lost values in place, inventing no word (${intactFirst ? 'intact first' : 'damaged first'})`, () => {
      const outcomes = names.map((n) => ingestPair(n, intactFirst));
      const lost = outcomes.reduce((n, o) => n + o.lost, 0);
      const restored = outcomes.reduce((n, o) => n + o.restored, 0);
      console.log(`corroboration pairs (${intactFirst ? "intact first" : "damaged first"}): ${restored} of ${lost} lost values restored in place; words not in the intact text: ${JSON.stringify(outcomes.flatMap((o) => o.wrongWords))}; evidence complete: ${outcomes.every((o) => o.evidenceOk)}\n${outcomes.flatMap((o) => o.missed).map((m) => `  missed ${m}`).join('\n')}`);
      expect(names.length).toBe(6);
      expect(lost).toBeGreaterThanOrEqual(24);
      expect(restored / lost).toBeGreaterThanOrEqual(0.9);
      expect(outcomes.flatMap((o) => o.wrongWords)).toEqual([]);
      expect(outcomes.every((o) => o.evidenceOk)).toBe(true);
    });
  }
});
