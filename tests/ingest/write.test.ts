import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeAtomically, type WriteOps } from '../../src/ingest/write.ts';
import { fileHashes } from '../helpers/site.ts';

/** Every folder under `dir` (relative), so a rollback that leaves an empty folder behind is seen too. */
const foldersUnder = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isDirectory()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();

/** The real fs, except that the `failAt`-th forward call (counting from 0) throws, as a full disk would. */
function failingOps(failAt: number): WriteOps & { calls: number } {
  const ops = {
    calls: 0,
    tick() {
      if (ops.calls++ === failAt) throw Object.assign(new Error('injected: no space left on device'), { code: 'ENOSPC' });
    },
    mkdirSync: (dir: string, o: { recursive: true }) => (ops.tick(), fs.mkdirSync(dir, o)),
    writeFileSync: (file: string, content: string, o: { flag: 'wx' }) => (ops.tick(), fs.writeFileSync(file, content, o)),
    renameSync: (from: string, to: string) => (ops.tick(), fs.renameSync(from, to)),
  };
  return ops;
}

let dir = '';
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-write-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A content folder with files to be replaced, one to be removed and one nobody touches. */
function seedFolder(): void {
  fs.mkdirSync(path.join(dir, 'sections/history'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'sources'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'sections/history/old.mdx'), 'old draft\n');
  fs.writeFileSync(path.join(dir, 'sections/history/gone.mdx'), 'to be removed\n');
  fs.writeFileSync(path.join(dir, 'sources/kept.yaml'), 'a person wrote this\n');
}
const batch = [
  { path: 'sections/history/old.mdx', content: 'new draft\n' },
  { path: 'sections/us-policy/new.mdx', content: 'a new topic folder\n' },
  { path: 'entities/deep/nested/x.yaml', content: 'several new folders\n' },
  { path: 'ingest-ledger.json', content: '{}\n' },
];

describe('writeAtomically', () => {
  it('writes every file, removes what it was asked to, and leaves no temporary file', () => {
    seedFolder();
    writeAtomically(dir, batch, ['sections/history/gone.mdx']);
    const after = fileHashes(dir);
    expect([...after.keys()]).toEqual(['entities/deep/nested/x.yaml', 'ingest-ledger.json', 'sections/history/old.mdx', 'sections/us-policy/new.mdx', 'sources/kept.yaml']);
    for (const file of batch) expect(fs.readFileSync(path.join(dir, file.path), 'utf8')).toBe(file.content);
    expect(fs.readFileSync(path.join(dir, 'sources/kept.yaml'), 'utf8')).toBe('a person wrote this\n');
  });

  it('leaves the folder byte for byte as it was when any step fails, whichever it is', () => {
    seedFolder();
    const counting = failingOps(-1);
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-write-count-'));
    writeAtomically(scratch, batch, [], counting);
    fs.rmSync(scratch, { recursive: true, force: true });
    const steps = counting.calls; // every forward call of a successful run on an empty folder
    expect(steps).toBeGreaterThan(batch.length * 2);
    let failures = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: steps + 4 }), (failAt) => {
        fs.rmSync(dir, { recursive: true, force: true });
        fs.mkdirSync(dir);
        seedFolder();
        const before = fileHashes(dir);
        const folders = foldersUnder(dir);
        const ops = failingOps(failAt);
        let threw = false;
        try {
          writeAtomically(dir, batch, ['sections/history/gone.mdx'], ops);
        } catch (error) {
          threw = true;
          expect((error as Error).message).toContain('injected');
        }
        if (!threw) return; // failAt was past the last call: the write completed
        failures += 1;
        expect(fileHashes(dir)).toEqual(before);
        expect(foldersUnder(dir)).toEqual(folders);
      }),
      { numRuns: 60 },
    );
    expect(failures).toBeGreaterThan(0);
  });
});
