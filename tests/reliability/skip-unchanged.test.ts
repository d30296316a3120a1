/**
 * `npm run build` with nothing changed since the last successful build skips the build and says
 * so; any change to the content, the code's settings or the output folder builds again, and
 * `SITE_REBUILD=1` always builds.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTree } from '../../src/lib/atomic-file.ts';
import { buildDirs } from '../../src/lib/build-dirs.ts';
import { buildInputsKey } from '../../src/lib/build-inputs.ts';
import { buildSite, tempBuildRoot } from '../helpers/temp-build.ts';
import { fileHashes, loadPage } from '../helpers/site.ts';

const root = path.resolve(import.meta.dirname, '../..');
const work = tempBuildRoot('skip-unchanged');
const content = path.join(work, 'content');
const dist = path.join(work, 'dist');
const env = { SITE_CONTENT_DIR: content, SOURCE_DATE_EPOCH: '1767225600' };
const SKIPPED = /nothing changed since the last build .*skipped/;
const ASTRO_RAN = /\[sections\] content OK/;

beforeAll(() => {
  fs.cpSync(path.join(root, 'content'), content, { recursive: true });
  const built = buildSite(dist, env);
  expect(built.status, built.output).toBe(0);
  expect(built.output).toMatch(ASTRO_RAN);
}, 240_000);
afterAll(() => {
  // The last build may still be removing the output it replaced in there (removeTree says why).
  removeTree(buildDirs({ ...env, SITE_OUT_DIR: dist }, root).cacheDir);
  fs.rmSync(work, { recursive: true, force: true });
});

describe('a build with nothing changed', () => {
  it('is skipped, says so, and leaves dist/ untouched', () => {
    const before = fileHashes(dist);
    const again = buildSite(dist, env);
    expect(again.status, again.output).toBe(0);
    expect(again.output).toMatch(SKIPPED);
    expect(again.output).not.toMatch(ASTRO_RAN);
    expect(fileHashes(dist)).toEqual(before);
  });

  it('runs again after a content edit, and the edit is in the page', () => {
    const file = path.join(content, 'sections', 'history', 'recognition-of-russia-1991.mdx');
    fs.appendFileSync(file, '\nA sentence added to check the skip.\n');
    const built = buildSite(dist, env);
    expect(built.status, built.output).toBe(0);
    expect(built.output).toMatch(ASTRO_RAN);
    expect(loadPage('history/recognition-of-russia-1991.html', dist)('main').text()).toContain('A sentence added to check the skip.');
  }, 240_000);

  it('runs again when a file of dist/ was changed or removed by hand, and puts it back', () => {
    const page = path.join(dist, 'history', 'recognition-of-russia-1991.html');
    const good = fs.readFileSync(page);
    fs.writeFileSync(page, 'changed by hand');
    const built = buildSite(dist, env);
    expect(built.status, built.output).toBe(0);
    expect(built.output).toMatch(ASTRO_RAN);
    expect(fs.readFileSync(page)).toEqual(good);
  }, 240_000);

  it('runs again with SITE_REBUILD=1, and the dist/ it replaced is removed after the command returns', async () => {
    const cacheDir = buildDirs({ ...env, SITE_OUT_DIR: dist }, root).cacheDir;
    const replaced = () => fs.readdirSync(cacheDir).filter((name) => name.startsWith('replaced-'));
    // A replaced output whose removal was cut short (the machine stopped): this build's removal finishes it.
    const leftover = path.join(cacheDir, 'replaced-1', 'history');
    fs.mkdirSync(leftover, { recursive: true });
    fs.writeFileSync(path.join(leftover, 'page.html'), '<p>an old page</p>');
    const built = buildSite(dist, { ...env, SITE_REBUILD: '1' });
    expect(built.status, built.output).toBe(0);
    expect(built.output).toMatch(ASTRO_RAN);
    // Nothing is left beside the output folder; the replaced one waits in the cache folder, and a detached process removes it.
    expect(fs.readdirSync(work).filter((name) => name.startsWith('dist'))).toEqual(['dist']);
    for (let waited = 0; replaced().length > 0 && waited < 30_000; waited += 200) await new Promise((resolve) => setTimeout(resolve, 200));
    expect(replaced()).toEqual([]);
    expect(fileHashes(dist).size).toBeGreaterThan(50);
  }, 240_000);
});

describe('the inputs a skip compares', () => {
  const key = (extra: NodeJS.ProcessEnv = {}, args: string[] = []) => buildInputsKey(root, { ...env, SITE_OUT_DIR: dist, ...extra }, args);

  it('change with the site URL, the citation date, the lock check, the folders and the Astro flags', () => {
    const base = key();
    expect(key()).toBe(base);
    for (const changed of [
      key({ SITE_URL: 'https://example.org/ref/' }),
      key({ SOURCE_DATE_EPOCH: '1767312000' }),
      key({ LINKS_LOCK_CHECK: 'off' }),
      key({ SITE_OUT_DIR: `${dist}-other` }),
      key({ SITE_CONTENT_DIR: path.join(root, 'content') }),
      key({}, ['--force']),
    ]) expect(changed).not.toBe(base);
  });

  it('change with any content file, added or edited', () => {
    const base = key();
    const entity = path.join(content, 'entities', 'nato.yaml');
    const text = fs.readFileSync(entity, 'utf8');
    fs.writeFileSync(entity, `${text}\n`);
    expect(key()).not.toBe(base);
    fs.writeFileSync(entity, text);
    expect(key()).toBe(base);
    fs.writeFileSync(path.join(content, 'notes.txt'), 'an editor note');
    expect(key()).not.toBe(base);
    fs.rmSync(path.join(content, 'notes.txt'));
  });
});
