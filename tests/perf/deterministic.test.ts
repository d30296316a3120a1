/**
 * Two builds of the same commit give byte-identical sites (issue 8), so a rebuild's diff shows
 * only real changes and a deployed copy can be verified. Builds the seed site a second time
 * into a temporary folder and compares it, file by file, with the one tests/global-setup.ts built.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileHashes as hashes, siteDir } from '../helpers/site.ts';
import { buildSite, tempBuildRoot } from '../helpers/temp-build.ts';

/** The first place two versions of a file differ, with a little context, to name the cause. */
function firstDifference(a: string, b: string): string {
  const left = fs.readFileSync(a, 'latin1');
  const right = fs.readFileSync(b, 'latin1');
  let i = 0;
  while (i < left.length && left[i] === right[i]) i++;
  return `at byte ${i}: ${JSON.stringify(left.slice(Math.max(0, i - 40), i + 40))} vs ${JSON.stringify(right.slice(Math.max(0, i - 40), i + 40))}`;
}

describe('deterministic output', () => {
  // Inside the project, like the first build: see tempBuildRoot for why a build elsewhere can race.
  const tmp = tempBuildRoot('determinism');
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('builds byte-identical files a second time', () => {
    const second = path.join(tmp, 'dist');
    const result = buildSite(second);
    expect(result.status, `second build failed:\n${result.output}`).toBe(0);

    const first = hashes(siteDir());
    const again = hashes(second);
    expect([...again.keys()].sort(), 'the two builds wrote different files').toEqual([...first.keys()].sort());
    const changed = [...first].filter(([file, hash]) => again.get(file) !== hash).map(([file]) => `${file} ${firstDifference(path.join(siteDir(), file), path.join(second, file))}`);
    expect(changed, 'files whose bytes differ between two builds').toEqual([]);
  }, 240_000);
});
