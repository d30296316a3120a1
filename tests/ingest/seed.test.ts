import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFrontmatter, parseYaml } from '../../src/content/frontmatter.ts';
import { bodyReadingText, listContentFiles } from '../../src/content/load.ts';
import { validateContent } from '../../src/content/validate.ts';
import { readContentState } from '../../src/ingest/content-state.ts';
import { splitLines } from '../../src/ingest/decode.ts';
import { planIngest } from '../../src/ingest/index.ts';
import { normalizeSpace } from '../../src/ingest/normalize.ts';
import { splitSentences } from '../../src/lib/sentences.ts';
import { writeAtomically } from '../../src/ingest/write.ts';

/**
 * Ingests the seed into a temporary copy of content/ and checks the drafts against the text and
 * against the committed sections, so the tool and the sections it first drafted cannot drift
 * apart silently.
 */
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const SEED = path.join(ROOT, 'content', 'sources', 'russia-us-relations.txt');
const ID = 'seed-again';
let dir = '';

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-seed-'));
  fs.cpSync(path.join(ROOT, 'content'), dir, { recursive: true });
  const state = readContentState(dir, ID);
  const plan = planIngest(fs.readFileSync(SEED, 'utf8'), { id: ID, entities: state.entities, takenSectionIds: state.takenSectionIds });
  writeAtomically(dir, plan.files);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const drafts = () =>
  listContentFiles(dir, 'sections', ['.mdx']).flatMap((f) => {
    const parsed = parseFrontmatter(f.text);
    if (!parsed.ok) throw new Error(`${f.relative}: ${parsed.message}`);
    const data = parsed.data as { source?: string; lines?: number[] };
    return data.source === ID ? [{ file: f.relative, lines: data.lines ?? [], reading: normalizeSpace(bodyReadingText(parsed.body)) }] : [];
  });
const manifest = () => parseYaml(fs.readFileSync(path.join(dir, 'sources', `${ID}.yaml`), 'utf8')) as { ok: true; data: { dropped: { line: number; text: string; reason: string }[] } };
const seedLines = splitLines(fs.readFileSync(SEED, 'utf8')).lines;

describe('ingesting the seed', () => {
  it('copies the text byte for byte', () => {
    expect(fs.readFileSync(path.join(dir, 'sources', `${ID}.txt`)).equals(fs.readFileSync(SEED))).toBe(true);
  });

  it('writes content that validates (beside the committed content)', () => {
    expect(validateContent(dir).problems).toEqual([]);
  });

  it('accounts for every line: placed + dropped (+ blank) = the whole input, with no line twice', () => {
    const placed = drafts().flatMap((d) => d.lines);
    const dropped = manifest().data.dropped.map((d) => d.line);
    const blank = seedLines.flatMap((l, i) => (l.trim() === '' ? [i + 1] : []));
    const all = [...placed, ...dropped, ...blank].sort((a, b) => a - b);
    expect(all).toEqual(seedLines.map((_, i) => i + 1));
    for (const d of manifest().data.dropped) expect(d.text).toBe(seedLines[d.line - 1]);
  });

  it('puts every substantive sentence verbatim in a section', () => {
    const dropped = new Set(manifest().data.dropped.map((d) => d.line));
    const bodies = drafts();
    const missing: string[] = [];
    seedLines.forEach((line, i) => {
      if (dropped.has(i + 1) || line.trim() === '') return;
      for (const sentence of splitSentences(normalizeSpace(line)).map(normalizeSpace)) {
        if (!bodies.some((b) => b.lines.includes(i + 1) && b.reading.includes(sentence))) missing.push(`${i + 1}: ${sentence}`);
      }
    });
    expect(missing).toEqual([]);
  });

  it('places at least every line the committed sections hold, and drops only what the curated manifest drops', () => {
    const committed = listContentFiles(path.join(ROOT, 'content'), 'sections', ['.mdx']).flatMap((f) => {
      const parsed = parseFrontmatter(f.text);
      return parsed.ok ? ((parsed.data as { lines?: number[] }).lines ?? []) : [];
    });
    const placed = new Set(drafts().flatMap((d) => d.lines));
    expect(committed.filter((l) => !placed.has(l))).toEqual([]);
    const curated = parseYaml(fs.readFileSync(path.join(ROOT, 'content', 'sources', 'russia-us-relations.yaml'), 'utf8')) as { ok: true; data: { dropped: { line: number }[] } };
    const curatedDropped = new Set(curated.data.dropped.map((d) => d.line));
    expect(manifest().data.dropped.filter((d) => !curatedDropped.has(d.line))).toEqual([]);
  });

  it('marks every draft unreviewed, with a classification and low-confidence repairs that insert nothing', () => {
    for (const f of listContentFiles(dir, 'sections', ['.mdx'])) {
      const parsed = parseFrontmatter(f.text);
      if (!parsed.ok) throw new Error(parsed.message);
      const data = parsed.data as { source: string; draft: boolean; classification: string; repairs?: { insert?: string; confidence: string }[] };
      if (data.source !== ID) continue;
      expect(data.draft).toBe(true);
      expect(data.classification).toMatch(/scored|No topic keyword/);
      for (const r of data.repairs ?? []) {
        expect(r.insert).toBeUndefined();
        expect(r.confidence).toBe('low');
      }
    }
  });
});
