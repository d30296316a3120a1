/**
 * A warm step timed more than once (`npm run bench -- --warm-runs N`): each repeat makes a new
 * edit of its kind, never the same section twice, and the step reports its median run with every
 * run's seconds.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { addSection, editSectionText, renameEntity } from '../../bench/edits.ts';
import { medianRun } from '../../bench/incremental.ts';
import { tempBuildRoot } from '../helpers/temp-build.ts';

const root = path.resolve(import.meta.dirname, '../..');
const work = tempBuildRoot('bench-repeats');
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const SENTENCE = 'An editor checked this paragraph again.';

describe('medianRun', () => {
  it('keeps the middle run by seconds (the lower middle of an even count) and every run in order', () => {
    const runs = [{ seconds: 9, id: 'a' }, { seconds: 6, id: 'b' }, { seconds: 7, id: 'c' }];
    expect(medianRun(runs)).toEqual({ seconds: 7, id: 'c', secondsAll: [9, 6, 7] });
    expect(medianRun([{ seconds: 5, id: 'x' }, { seconds: 4, id: 'y' }])).toMatchObject({ id: 'y', secondsAll: [5, 4] });
    expect(medianRun([{ seconds: 3, id: 'only' }])).toMatchObject({ id: 'only', secondsAll: [3] });
    expect(() => medianRun([])).toThrow(/at least 1/);
  });
});

describe('the edits of repeated warm steps', () => {
  it('edit a different section each time, add distinct copies, and rename from the current name', () => {
    const contentDir = path.join(work, 'content');
    fs.cpSync(path.join(root, 'content'), contentDir, { recursive: true });
    const sectionsDir = path.join(contentDir, 'sections');

    const edited = [0, 1, 2].map((run) => editSectionText(contentDir, run).replace(/^a sentence added to /, ''));
    expect(new Set(edited).size).toBe(3);
    for (const rel of edited) {
      const text = fs.readFileSync(path.join(sectionsDir, rel), 'utf8');
      expect(text.split(SENTENCE)).toHaveLength(2);
    }

    const added = [0, 1].map((run) => addSection(contentDir, run).replace(/^section /, '').replace(/ added$/, ''));
    expect(added[0]).toMatch(/-added\.mdx$/);
    expect(added[1]).toMatch(/-added-2\.mdx$/);
    // The copies are of two different sections, neither of them a copy itself.
    expect(added[0]?.replace(/-added\.mdx$/, '')).not.toBe(added[1]?.replace(/-added-2\.mdx$/, ''));
    for (const rel of added) expect(fs.existsSync(path.join(sectionsDir, rel ?? ''))).toBe(true);
    // An edit after the copies still picks one of the folder's own sections.
    expect(editSectionText(contentDir, 3)).not.toMatch(/-added/);

    renameEntity(contentDir, 'maxim-litvinov');
    renameEntity(contentDir, 'maxim-litvinov');
    const entity = parse(fs.readFileSync(path.join(contentDir, 'entities', 'maxim-litvinov.yaml'), 'utf8')) as { name: string; aliases: string[] };
    expect(entity.name).toBe('Maxim Litvinov (renamed) (renamed)');
    expect(entity.aliases.slice(0, 2)).toEqual(['Maxim Litvinov (renamed)', 'Maxim Litvinov']);
  });
});
