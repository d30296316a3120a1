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
import { writeAtomically } from '../../src/ingest/write.ts';
import { splitSentences } from '../../src/lib/sentences.ts';
import { createEntityMatcher } from '../../src/markdown/entity-matcher.ts';

/**
 * Measures ingest on five scrape-like pages written for this test (tests/fixtures/ingest-eval/),
 * each with the furniture lines, full dates and named things written down in `expected.json`
 * before the rules ran on them. The pages are ingested one after another into a copy of
 * content/, as a user would, and the drafts are read back from disk.
 */
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const EVAL = path.join(ROOT, 'tests', 'fixtures', 'ingest-eval');
const PAGES = fs.readdirSync(EVAL).sort();

interface Expected {
  title: string;
  publicationDate?: string;
  furniture: string[];
  dates: { date: string; text: string }[];
  entities: { name: string; kind: string }[];
  otherNames: string[];
}

let dir = '';
const existingEntities = new Set<string>();
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-eval-'));
  fs.cpSync(path.join(ROOT, 'content'), dir, { recursive: true });
  for (const f of listContentFiles(dir, 'entities', ['.yaml'])) existingEntities.add(f.relative);
  for (const id of PAGES) {
    const state = readContentState(dir, id);
    const plan = planIngest(fs.readFileSync(path.join(EVAL, id, 'input.txt'), 'utf8'), { id, entities: state.entities, takenSectionIds: state.takenSectionIds });
    const clash = plan.files.filter((f) => fs.existsSync(path.join(dir, f.path)));
    if (clash.length) throw new Error(`${id}: ingest would overwrite ${clash.map((f) => f.path).join(', ')}`);
    writeAtomically(dir, plan.files);
  }
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const expected = (id: string): Expected => JSON.parse(fs.readFileSync(path.join(EVAL, id, 'expected.json'), 'utf8')) as Expected;
const sections = (id: string) =>
  listContentFiles(dir, 'sections', ['.mdx']).flatMap((f) => {
    const parsed = parseFrontmatter(f.text);
    if (!parsed.ok) throw new Error(`${f.relative}: ${parsed.message}`);
    const data = parsed.data as { source: string; summary: string; dates?: { date: string | number; label: string }[] };
    return data.source === id ? [{ file: f.relative, data, reading: normalizeSpace(bodyReadingText(parsed.body)) }] : [];
  });
const manifest = (id: string) => {
  const parsed = parseYaml(fs.readFileSync(path.join(dir, 'sources', `${id}.yaml`), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.data as { title: string; date?: string; dropped: { line: number; text: string; reason: string }[] };
};
const newEntities = () =>
  listContentFiles(dir, 'entities', ['.yaml']).flatMap((f) => {
    if (existingEntities.has(f.relative)) return [];
    const parsed = parseYaml(f.text);
    return parsed.ok ? [{ id: f.relative.replace(/^.*\/|\.yaml$/g, ''), ...(parsed.data as { name: string; aliases?: string[]; draft: boolean }) }] : [];
  });
const allEntities = () =>
  listContentFiles(dir, 'entities', ['.yaml']).flatMap((f) => {
    const parsed = parseYaml(f.text);
    const data = parsed.ok ? (parsed.data as { name: string; aliases?: string[] }) : undefined;
    return data ? [{ id: f.relative.replace(/^.*\/|\.yaml$/g, ''), terms: [data.name, ...(data.aliases ?? [])] }] : [];
  });

const share = (hit: number, all: number) => (all === 0 ? 1 : hit / all);
const pct = (x: number) => `${(100 * x).toFixed(0)}%`;

describe('ingest on pages no rule was tuned to', () => {
  it('writes content that validates', () => {
    expect(validateContent(dir).problems).toEqual([]);
  });

  it('keeps every sentence of the text in a section', () => {
    const missing: string[] = [];
    for (const id of PAGES) {
      const furniture = new Set(expected(id).furniture);
      const bodies = sections(id).map((s) => s.reading).join('\n');
      for (const line of splitLines(fs.readFileSync(path.join(EVAL, id, 'input.txt'), 'utf8')).lines) {
        if (line.trim() === '' || furniture.has(line)) continue;
        for (const s of splitSentences(normalizeSpace(line)).map(normalizeSpace)) if (!bodies.includes(s)) missing.push(`${id}: ${s}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('drops >= 90% of furniture, puts >= 90% of full dates on sections, gives >= 80% of names an entity listing the section, < 10% fragments', () => {
    let furniture = 0, dropped = 0, dates = 0, dated = 0, names = 0, linked = 0;
    const misses: string[] = [];
    const matcher = createEntityMatcher(allEntities());
    for (const id of PAGES) {
      const e = expected(id);
      const m = manifest(id);
      const droppedTexts = new Set(m.dropped.map((d) => d.text));
      for (const f of e.furniture) {
        furniture++;
        if (droppedTexts.has(f)) dropped++;
        else misses.push(`${id}: furniture kept: ${f}`);
      }
      const secs = sections(id);
      for (const d of e.dates) {
        dates++;
        if (secs.some((s) => s.reading.includes(d.text) && (s.data.dates ?? []).some((x) => String(x.date) === d.date))) dated++;
        else misses.push(`${id}: date not on its section: ${d.date} (${d.text})`);
      }
      for (const n of e.entities) {
        names++;
        const holder = secs.find((s) => s.reading.includes(n.name));
        const at = holder?.reading.indexOf(n.name) ?? -1;
        const hit = holder && matcher.find(holder.reading).some((x) => x.start <= at && x.end >= at + n.name.length);
        if (hit) linked++;
        else misses.push(`${id}: no entity for ${n.name}${holder ? '' : ' (name not in any section)'}`);
      }
    }
    const accepted = new Set(PAGES.flatMap((id) => [...expected(id).entities.map((n) => n.name), ...expected(id).otherNames]).map((n) => n.toLowerCase()));
    const created = newEntities();
    const fragments = created.filter((c) => !accepted.has(c.name.toLowerCase()));
    const report = [
      `furniture dropped: ${dropped}/${furniture} (${pct(share(dropped, furniture))})`,
      `full dates on their section: ${dated}/${dates} (${pct(share(dated, dates))})`,
      `named things with an entity listing the section: ${linked}/${names} (${pct(share(linked, names))})`,
      `new entity files not among the expected names: ${fragments.length}/${created.length} (${pct(share(fragments.length, created.length))}): ${fragments.map((f) => f.name).join(', ')}`,
      ...misses,
    ].join('\n');
    console.log(`ingest eval on ${PAGES.length} pages:\n${report}`);
    expect(share(dropped, furniture), report).toBeGreaterThanOrEqual(0.9);
    expect(share(dated, dates), report).toBeGreaterThanOrEqual(0.9);
    expect(share(linked, names), report).toBeGreaterThanOrEqual(0.8);
    expect(share(fragments.length, created.length), report).toBeLessThan(0.1);
    expect(created.every((c) => c.draft === true)).toBe(true);
  });

  it('takes the page title and its publication date into the manifest', () => {
    for (const id of PAGES) {
      const e = expected(id);
      const m = manifest(id);
      expect(m.title, id).toBe(e.title);
      if (e.publicationDate) expect(String(m.date), id).toBe(e.publicationDate);
    }
  });

  it('summarises each draft by its opening words, never by line numbers', () => {
    for (const id of PAGES) for (const s of sections(id)) {
      expect(s.data.summary, s.file).not.toMatch(/\blines?\b \d/);
      expect(s.reading.includes(s.data.summary.replace(/…$/, '').slice(0, 60)), s.file).toBe(true);
      expect(s.data.summary.length, s.file).toBeLessThanOrEqual(400);
    }
  });
});
