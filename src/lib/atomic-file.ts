import fs from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';

/**
 * Writes `file` whole or not at all: into a temporary file beside it, then renamed over it, so a
 * reader (another build of the same folder, or the next one after a crash) never sees half a file.
 */
export function writeFileAtomic(file: string, data: Uint8Array | string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}-${threadId}.tmp`;
  try {
    fs.writeFileSync(temp, data);
    fs.renameSync(temp, file);
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/**
 * Moves folder `from` to `to` (which must not exist): renamed, or copied and then removed when
 * they are on different disks.
 */
export function moveFolder(from: string, to: string): void {
  try {
    fs.renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    fs.cpSync(from, to, { recursive: true });
    fs.rmSync(from, { recursive: true, force: true });
  }
}

/** Attempts {@link removeTree} makes before it gives up, a short pause apart. */
const REMOVE_ATTEMPTS = 50;
const REMOVE_PAUSE_MS = 20;

/**
 * Removes folder `dir` and everything under it, and makes sure it is gone. Node's `rmSync` with
 * `{ recursive: true, force: true }` returns without an error, leaving part of the folder, when
 * another process removes entries inside it at the same moment: a build's detached removal of the
 * output folder it replaced (scripts/build.ts) does, in the build's cache folder. So the removal is
 * made again until the folder is gone; if it never goes, the error names it.
 */
export function removeTree(dir: string): void {
  for (let attempt = 1; attempt <= REMOVE_ATTEMPTS; attempt++) {
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    if (!fs.existsSync(dir)) return;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, REMOVE_PAUSE_MS);
  }
  throw new Error(`could not remove ${dir}: it is still there after ${REMOVE_ATTEMPTS} attempts; is a build of this folder still running?`);
}
