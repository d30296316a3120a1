/**
 * A benchmark of several rounds (`npm run bench -- --runs N`): each round's edits are new ones of
 * their kind, never the same section twice, and the rounds combine by median, each warm build's
 * ratio taken to its own round's cold build.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { addSection, editSectionText, renameEntity } from '../../bench/edits.ts';
import { combineRounds, type BuildRun, type Round } from '../../bench/incremental.ts';
import { tempBuildRoot } from '../helpers/temp-build.ts';

const root = path.resolve(import.meta.dirname, '../..');
const work = tempBuildRoot('bench-repeats');
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const SENTENCE = 'An editor checked this paragraph again.';

const build = (step: string, seconds: number, coldSeconds?: number): BuildRun => ({
  step, change: step, seconds, cpuSeconds: seconds, peakRssBytes: 1, loadAverage: 0, waitedForCleanupSeconds: 0,
  skipped: false, pagesRendered: 1, pagesReused: 0, pagesNotRead: 0, sectionsRendered: 0, sectionsUnchanged: 0, contentSeconds: 0, afterLastPageSeconds: 0,
  secondsAll: [seconds], ratioToCold: coldSeconds ? seconds / coldSeconds : 1,
});
const round = (cold: number, edit: number): Round => ({ cold: build('cold', cold), warm: [build('text-edit', edit, cold)] });

describe('combineRounds', () => {
  it('keeps the cold build of median time and, per warm step, the round of median ratio to its own cold build', () => {
    // The machine slows down over the run: the slowest text edit has the smallest ratio.
    const { cold, warm } = combineRounds([round(20, 7), round(24, 7.5), round(30, 9)]);
    expect(cold).toMatchObject({ seconds: 24, secondsAll: [20, 24, 30], ratioToCold: 1 });
    const [edit] = warm;
    expect(edit?.step).toBe('text-edit');
    // Ratios 0.35, 0.3125 and 0.3: the median ratio is the second round's, not the median time's.
    expect(edit?.seconds).toBe(7.5);
    expect(edit?.ratioToCold).toBeCloseTo(0.3125, 4);
    expect(edit?.secondsAll).toEqual([7, 7.5, 9]);
    expect(edit?.ratiosAll?.map((r) => Number(r.toFixed(4)))).toEqual([0.35, 0.3125, 0.3]);
  });

  it('takes the lower middle of an even count, and one round as it is', () => {
    expect(combineRounds([round(10, 4), round(10, 3)]).warm[0]?.seconds).toBe(3);
    const one = combineRounds([round(10, 4)]);
    expect(one.cold.seconds).toBe(10);
    expect(one.warm[0]).toMatchObject({ seconds: 4, ratioToCold: 0.4, secondsAll: [4] });
    expect(() => combineRounds([])).toThrow(/at least 1/);
  });
});

describe('the edits of later rounds', () => {
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
