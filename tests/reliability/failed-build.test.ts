/**
 * A failed build leaves the previous output folder exactly as it was: byte for byte, file for
 * file, whether it failed on content (a bad field), on MDX syntax in a section, or on a broken
 * link found only after every page was rendered.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, tempBuildRoot } from '../helpers/temp-build.ts';
import { fileHashes } from '../helpers/site.ts';

const root = path.resolve(import.meta.dirname, '../..');
const work = tempBuildRoot('failed-build');
const content = path.join(work, 'content');
const dist = path.join(work, 'dist');
let good: Map<string, string>;

beforeAll(() => {
  fs.cpSync(path.join(root, 'content'), content, { recursive: true });
  const built = buildSite(dist, { SITE_CONTENT_DIR: content });
  expect(built.status, built.output).toBe(0);
  good = fileHashes(dist);
  expect(good.size).toBeGreaterThan(50);
}, 240_000);
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** Applies `edit` to one section, builds, puts the section back, and returns the build's result. */
function buildWith(file: string, edit: (text: string) => string) {
  const target = path.join(content, 'sections', file);
  const before = fs.readFileSync(target, 'utf8');
  fs.writeFileSync(target, edit(before));
  try {
    return buildSite(dist, { SITE_CONTENT_DIR: content });
  } finally {
    fs.writeFileSync(target, before);
  }
}

describe('a failed build', () => {
  it.each([
    ['a bad field', 'nato-stance/mh17.mdx', (t: string) => t.replace(/^topic: nato-stance$/m, 'topic: nato'), 'topic'],
    ['an unclosed { in a section', 'history/recognition-of-russia-1991.mdx', (t: string) => `${t}\nThe talks {began here.\n`, 'line'],
    ['a broken link, found after the pages rendered', 'cooperation/afghanistan.mdx', (t: string) => `${t}\nSee [the missing part](../history/no-such-section.html). {/* #p-missing-link */}\n`, 'no-such-section'],
  ])('on %s leaves the previous dist/ byte-identical', (_what, file, edit, named) => {
    const result = buildWith(file, edit);
    expect(result.status, result.output).toBe(1);
    expect(result.output).toContain(named);
    expect(result.output).toMatch(/left as it was/);
    expect(result.output).not.toMatch(/Stack trace|\n\s+at .*\.ts:\d+/);
    expect(fileHashes(dist)).toEqual(good);
  }, 240_000);

  it('when Astro exits with success without finishing the build, is not published', () => {
    // `astro build --help` exits with code 0 having built nothing, as a process that ended early would.
    const result = buildSite(dist, { SITE_CONTENT_DIR: content, SITE_REBUILD: '1' }, ['--help']);
    expect(result.status, result.output).toBe(1);
    expect(result.output).toContain('exited with code 0 without finishing the build');
    expect(result.output).toMatch(/left as it was/);
    expect(fileHashes(dist)).toEqual(good);
  }, 240_000);

  it('on an entity that no section names, naming its file and the fix', () => {
    const entity = path.join(content, 'entities', 'nobody-names-this.yaml');
    fs.writeFileSync(entity, 'kind: place\nname: Atlantis Unmentioned\ndescription: A place no section names.\n');
    try {
      const result = buildSite(dist, { SITE_CONTENT_DIR: content });
      expect(result.status, result.output).toBe(1);
      expect(result.output).toContain('entities/nobody-names-this.yaml');
      expect(result.output).toContain('no section naming "Atlantis Unmentioned"');
      expect(result.output).not.toMatch(/Stack trace|\n\s+at .*\.ts:\d+/);
      expect(fileHashes(dist)).toEqual(good);
    } finally {
      fs.rmSync(entity);
    }
  }, 240_000);

  it('replaces dist/ once the content is fixed', () => {
    const result = buildWith('nato-stance/mh17.mdx', (t) => t.replace(/^title: .*$/m, 'title: The downing of flight MH17, renamed'));
    expect(result.status, result.output).toBe(0);
    expect(fs.readFileSync(path.join(dist, 'nato-stance', 'mh17.html'), 'utf8')).toContain('The downing of flight MH17, renamed');
  }, 240_000);
});
