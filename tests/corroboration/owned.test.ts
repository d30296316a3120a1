/**
 * A person's work is never changed: a reviewed or edited section gets suggestions in the report
 * (printed and written beside the source), which `npm run corroborate -- --apply <id>` applies
 * on request. Disagreeing sources restore nothing and are flagged on both sides.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSections, run, tempDir } from './helpers.ts';

const made: string[] = [];
afterAll(() => { for (const d of made) fs.rmSync(d, { recursive: true, force: true }); });

const INTACT = 'Diplomatic relations were resumed on November 16, 1933, when the two governments exchanged notes in Washington.\n\nThe commission was founded in 2009 by both governments to promote cooperation between the two countries.\n';
const DAMAGED = 'Diplomatic relations were resumed on November 16,when the two governments exchanged notes in Washington.\n\nThe commission was founded in by both governments to promote cooperation between the two countries.\n';

function folder(): { work: string; content: string; file: (name: string, text: string) => string } {
  const work = tempDir('owned');
  made.push(work);
  const content = path.join(work, 'content');
  fs.mkdirSync(content);
  return { work, content, file: (name, text) => { const f = path.join(work, name); fs.writeFileSync(f, text); return f; } };
}

describe('corroboration and a person\'s work', () => {
  it('leaves a reviewed section byte for byte, reports the suggestion, and applies it when asked', () => {
    const { content, file } = folder();
    run('ingest', content, file('damaged.txt', DAMAGED), '--id', 'damaged');
    const section = readSections(content).find((s) => s.data.source === 'damaged' && s.data.lines.includes(1));
    if (!section) throw new Error('no draft section holds line 1');
    const reviewed = section.text.replace('draft: true', 'draft: false');
    fs.writeFileSync(path.join(content, section.path), reviewed);

    const out = run('ingest', content, file('intact.txt', INTACT), '--id', 'intact', '--publisher', 'Example Archive', '--url', 'https://example.org/notes', '--date', '2020-05-01').out;
    expect(fs.readFileSync(path.join(content, section.path), 'utf8')).toBe(reviewed);
    const report = JSON.parse(fs.readFileSync(path.join(content, 'sources', 'intact.corroboration.json'), 'utf8'));
    const restore = report.suggestions.find((s: { repair?: { insert?: string } }) => s.repair?.insert?.includes('1933'));
    expect(restore).toMatchObject({ section: section.path, why: 'reviewed', repair: { after: expect.stringContaining('November 16,'), evidence: { publisher: 'Example Archive', url: 'https://example.org/notes', source: 'intact' } } });
    expect(out).toContain(restore.id);

    const applied = run('corroborate', content, '--apply', restore.id);
    expect(applied.code, applied.err).toBe(0);
    const after = readSections(content).find((s) => s.path === section.path);
    expect(after?.data.draft).toBe(false);
    expect(after?.data.repairs?.find((r) => r.insert?.includes('1933'))?.evidence?.quote).toContain('November 16, 1933, when');
    expect(after?.body).toBe(section.body);
    const again = run('corroborate', content, '--apply', restore.id);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/already applied/);
    expect(run('corroborate', content, '--apply', 'c-0000000000').code).toBe(2);
  });

  it('changes an untouched draft of an earlier source, but not one a person edited', () => {
    const { content, file } = folder();
    run('ingest', content, file('damaged.txt', DAMAGED), '--id', 'damaged');
    run('ingest', content, file('other.txt', DAMAGED.replace('Washington', 'Washington, D.C.')), '--id', 'other');
    const other = readSections(content).find((s) => s.data.source === 'other');
    if (!other) throw new Error('no draft of "other"');
    const edited = other.text.replace('\n---\n', '\nrelated: []\n---\n');
    fs.writeFileSync(path.join(content, other.path), edited);

    run('ingest', content, file('intact.txt', INTACT), '--id', 'intact');
    const untouched = readSections(content).filter((s) => s.data.source === 'damaged');
    expect(untouched.flatMap((s) => s.data.repairs ?? []).map((r) => r.insert?.trim())).toEqual(expect.arrayContaining(['1933,', '2009']));
    expect(fs.readFileSync(path.join(content, other.path), 'utf8')).toBe(edited);
    const report = JSON.parse(fs.readFileSync(path.join(content, 'sources', 'intact.corroboration.json'), 'utf8'));
    expect(report.suggestions.filter((s: { section: string; why: string }) => s.section === other.path && s.why === 'edited').length).toBeGreaterThan(0);
    // The ledger now holds the changed draft's new bytes: it is still untouched by a person.
    const ledger = JSON.parse(fs.readFileSync(path.join(content, 'ingest-ledger.json'), 'utf8'));
    for (const s of untouched) expect(ledger.written[s.path]).toBe(createHash('sha256').update(fs.readFileSync(path.join(content, s.path))).digest('hex'));
  });

  it('restores nothing where the sources disagree, and flags it on both sides', () => {
    const { content, file } = folder();
    run('ingest', content, file('a.txt', 'Over 3,500 officers were trained under the project before the programme ended in the spring.\n'), '--id', 'count-a');
    run('ingest', content, file('b.txt', 'Over 4,200 officers were trained under the project before the programme ended in the spring.\n'), '--id', 'count-b');
    const sections = readSections(content);
    for (const [own, other, value] of [['count-a', 'count-b', '4,200'], ['count-b', 'count-a', '3,500']] as const) {
      const repairs = sections.filter((s) => s.data.source === own).flatMap((s) => s.data.repairs ?? []);
      expect(repairs.some((r) => r.insert !== undefined)).toBe(false);
      const flag = repairs.find((r) => r.evidence?.source === other);
      expect(flag?.note).toMatch(/disagree/);
      expect(flag?.evidence?.quote).toContain(value);
    }
  });
});
