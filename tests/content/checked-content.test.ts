/**
 * The content check is shared by the loaders of one sync (src/content/checked-content.ts): in dev
 * it is made again when a file changed; in a build (`unwatched`) it is kept without listing the
 * folder again for each loader.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkedContent } from '../../src/content/checked-content.ts';
import { tempDirs } from '../helpers/temp-dirs.ts';

const tempDir = tempDirs('checked-content');
const seed = path.resolve(import.meta.dirname, '../../content');

function contentCopy(): string {
  const dir = path.join(tempDir(), 'content');
  fs.cpSync(seed, dir, { recursive: true });
  return dir;
}

const firstSection = (dir: string): string => {
  const topic = path.join(dir, 'sections', fs.readdirSync(path.join(dir, 'sections')).sort()[0] ?? '');
  return path.join(topic, fs.readdirSync(topic).sort()[0] ?? '');
};

describe('the shared content check', () => {
  it('in dev sees an edited file at once; in a build keeps its result for the other loaders', () => {
    const dir = contentCopy();
    const file = firstSection(dir);
    const before = checkedContent(dir);
    expect(before.problems).toEqual([]);
    expect(checkedContent(dir)).toBe(before);

    // A build: the first loader's call checks the folder, the others get the same result.
    const built = checkedContent(dir, undefined, true);
    expect(checkedContent(dir, undefined, true)).toBe(built);

    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: 42'));
    // Within a build nothing is listed again (a file edited mid-build shows in the next build).
    expect(checkedContent(dir, undefined, true)).toBe(built);
    // Dev lists the folder, finds the edit and reports it by file and field.
    const edited = checkedContent(dir);
    expect(edited).not.toBe(built);
    expect(edited.problems.map((p) => `${p.file} ${p.field}`)).toEqual([`content/${path.relative(dir, file).split(path.sep).join('/')} title`]);
  });
});
