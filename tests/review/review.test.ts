import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readContentState } from '../../src/ingest/content-state.ts';
import { planIngest } from '../../src/ingest/index.ts';
import { writeAtomically } from '../../src/ingest/write.ts';
import { withDraftAccepted } from '../../src/review/accept.ts';
import { reviewItems } from '../../src/review/needs.ts';

/**
 * `npm run review`: what it lists after an ingest, and `--accept`, which must change exactly one
 * line of one file, and nothing at all when the content check fails or the id is wrong.
 */
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const PAGE = path.join(ROOT, 'tests', 'fixtures', 'ingest-eval', 'gov-fact-sheet', 'input.txt');
let dir = '';

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'review-'));
  fs.cpSync(path.join(ROOT, 'content'), dir, { recursive: true });
  const state = readContentState(dir, 'gov');
  writeAtomically(dir, planIngest(fs.readFileSync(PAGE, 'utf8'), { id: 'gov', entities: state.entities, takenSectionIds: state.takenSectionIds }).files);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const review = (...args: string[]) => {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'src', 'review', 'cli.ts'), ...args], { cwd: ROOT, env: { ...process.env, SITE_CONTENT_DIR: dir }, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const changedLines = (a: string, b: string) => a.split('\n').flatMap((line, i) => (line === b.split('\n')[i] ? [] : [`${line} -> ${b.split('\n')[i]}`]));

describe('npm run review', () => {
  it('lists every draft section and entity of the ingest, with the guessed kinds', () => {
    const items = reviewItems(dir);
    const drafts = items.filter((i) => i.draft);
    expect(drafts.filter((i) => i.kind === 'section').length).toBeGreaterThan(0);
    const adams = items.find((i) => i.id === 'john-quincy-adams');
    expect(adams?.reasons.some((r) => r.startsWith('kind "person" guessed'))).toBe(true);
    const r = review();
    expect(r.code, r.err).toBe(0);
    for (const d of drafts) expect(r.out).toContain(`${d.id} (draft)`);
  });

  it('--accept sets draft: false on that one line, after the content check, and says so', () => {
    const file = path.join(dir, 'entities', 'john-quincy-adams.yaml');
    const before = fs.readFileSync(file, 'utf8');
    const r = review('--accept', 'john-quincy-adams');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('Accepted "john-quincy-adams": set draft: false in entities/john-quincy-adams.yaml');
    expect(changedLines(before, fs.readFileSync(file, 'utf8'))).toEqual(['draft: true -> draft: false']);
    expect(reviewItems(dir).some((i) => i.id === 'john-quincy-adams')).toBe(false);

    const section = reviewItems(dir).find((i) => i.kind === 'section' && i.draft);
    const sectionFile = path.join(dir, section?.file ?? '');
    const text = fs.readFileSync(sectionFile, 'utf8');
    expect(review('--accept', section?.id ?? '').code).toBe(0);
    expect(changedLines(text, fs.readFileSync(sectionFile, 'utf8'))).toEqual(['draft: true -> draft: false']);
  });

  it('refuses, changing nothing, when the content check fails or the id names nothing', () => {
    fs.writeFileSync(path.join(dir, 'entities', 'broken.yaml'), 'kind: planet\nname: X\ndescription: d\n');
    const file = path.join(dir, 'entities', 'john-quincy-adams.yaml');
    const before = fs.readFileSync(file, 'utf8');
    const r = review('--accept', 'john-quincy-adams');
    expect(r.code).toBe(2);
    expect(r.err).toContain('entities/broken.yaml');
    expect(r.err).toContain('fix them first');
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    const missing = review('--accept', 'history/no-such-section');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('No section "history/no-such-section"');
  });
});

describe('withDraftAccepted', () => {
  it('edits only the frontmatter of an MDX file', () => {
    const mdx = '---\ntitle: "T"\ndraft: true\n---\n\ndraft: true\n';
    expect(withDraftAccepted(mdx, true)).toBe('---\ntitle: "T"\ndraft: false\n---\n\ndraft: true\n');
    expect(withDraftAccepted('---\ntitle: "T"\n---\n\ndraft: true\n', true)).toBeUndefined();
    expect(withDraftAccepted('kind: place\ndraft: false\n', false)).toBeUndefined();
  });

  it('changes exactly one line whatever the rest of the file holds (fast-check)', () => {
    const line = fc.string({ maxLength: 30 }).filter((s) => !s.includes('\n') && !/^draft:/.test(s) && !/^---/.test(s));
    fc.assert(fc.property(fc.array(line, { maxLength: 6 }), fc.array(line, { maxLength: 6 }), fc.array(fc.oneof(line, fc.constant('draft: true')), { maxLength: 6 }), (head, tail, body) => {
      const text = `---\n${[...head, 'draft: true', ...tail].join('\n')}\n---\n${body.join('\n')}`;
      const out = withDraftAccepted(text, true);
      // A file holding `draft: true` in its frontmatter is always accepted: a string, one line changed.
      expect(typeof out).toBe('string');
      expect(changedLines(text, out ?? '')).toEqual(['draft: true -> draft: false']);
    }), { numRuns: 300 });
  });
});
