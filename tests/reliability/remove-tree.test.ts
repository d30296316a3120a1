/**
 * Removing a folder while another process removes part of it: a build's detached removal of the
 * output it replaced runs inside the build's cache folder after the build has returned, and
 * `npm run clean:cache` (or the benchmark's cold build) may remove that cache folder meanwhile.
 * Node's `rmSync(…, { recursive: true, force: true })` then returns without an error and leaves
 * part of the folder; `removeTree` leaves nothing.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeTree } from '../../src/lib/atomic-file.ts';
import { tempDirs } from '../helpers/temp-dirs.ts';

const tempDir = tempDirs('remove-tree');

/** A cache-like folder: a big replaced output being removed by another process, and files beside it. */
function cacheBeingCleaned(): { root: string; remover: Promise<void> } {
  const root = tempDir();
  const replaced = path.join(root, 'replaced-1');
  fs.mkdirSync(replaced, { recursive: true });
  for (let i = 0; i < 3000; i++) fs.writeFileSync(path.join(replaced, `page-${i}.html`), 'x');
  fs.mkdirSync(path.join(root, 'section-renders'));
  for (let i = 0; i < 300; i++) fs.writeFileSync(path.join(root, 'section-renders', `r-${i}`), 'x');
  fs.writeFileSync(path.join(root, 'data-store.json'), '{}');
  const child = spawn(process.execPath, ['-e', 'require("node:fs").rmSync(process.argv[1], { recursive: true, force: true })', replaced], { stdio: 'ignore' });
  const remover = new Promise<void>((resolve) => child.on('close', () => resolve()));
  return { root, remover };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('removeTree', () => {
  it('removes a folder whole while another process removes a part of it', async () => {
    for (let trial = 0; trial < 5; trial++) {
      const { root, remover } = cacheBeingCleaned();
      await pause(15);
      removeTree(root);
      expect(fs.existsSync(root), `trial ${trial}: ${fs.existsSync(root) ? fs.readdirSync(root).join(', ') : ''}`).toBe(false);
      await remover;
    }
  });

  it('is quiet about a folder that is not there, and removes a plain one', () => {
    const root = tempDir();
    fs.mkdirSync(path.join(root, 'a', 'b'), { recursive: true });
    fs.writeFileSync(path.join(root, 'a', 'b', 'c.txt'), 'c');
    removeTree(root);
    expect(fs.existsSync(root)).toBe(false);
    expect(() => removeTree(root)).not.toThrow();
  });
});
