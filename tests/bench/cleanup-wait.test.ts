/**
 * The benchmark times each warm build on a machine as quiet as the cold build's: it first waits
 * for the build before to finish removing the output folder it replaced (scripts/build.ts removes
 * it in the background, after the command returned), instead of timing that removal as part of
 * the next build, which an editor making an edit between builds would never wait for.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { waitForCleanup } from '../../bench/incremental.ts';
import { buildDirs, REPLACED_PREFIX, replacedOutputs } from '../../src/lib/build-dirs.ts';
import { tempBuildRoot } from '../helpers/temp-build.ts';

const root = path.resolve(import.meta.dirname, '../..');
const work = tempBuildRoot('bench-cleanup');
const env = { SITE_CONTENT_DIR: path.join(work, 'content'), SITE_OUT_DIR: path.join(work, 'dist') };
const { cacheDir } = buildDirs(env, root);
afterAll(() => {
  fs.rmSync(cacheDir, { recursive: true, force: true });
  fs.rmSync(work, { recursive: true, force: true });
});

describe('the benchmark waits for the last build to remove the output it replaced', () => {
  it('starts at once when nothing is left, and only once a replaced folder is gone otherwise', async () => {
    expect(await waitForCleanup(env)).toBe(0);
    const replaced = path.join(cacheDir, `${REPLACED_PREFIX}12345`);
    fs.mkdirSync(path.join(replaced, 'history'), { recursive: true });
    fs.writeFileSync(path.join(replaced, 'history', 'page.html'), '<p>an old page</p>');
    fs.mkdirSync(path.join(cacheDir, 'staging-1'), { recursive: true });
    expect(replacedOutputs(cacheDir)).toEqual([replaced]);
    const removed = new Promise<number>((resolve) => setTimeout(() => {
      fs.rmSync(replaced, { recursive: true, force: true });
      resolve(performance.now());
    }, 600));
    const waited = await waitForCleanup(env);
    const removedAt = await removed;
    expect(waited).toBeGreaterThanOrEqual(0.5);
    expect(performance.now()).toBeGreaterThanOrEqual(removedAt);
    expect(replacedOutputs(cacheDir)).toEqual([]);
  });

  it('finds no replaced output in a cache folder that does not exist', () => {
    expect(replacedOutputs(path.join(work, 'no-such-cache'))).toEqual([]);
  });
});
