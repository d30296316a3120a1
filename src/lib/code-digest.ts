/**
 * A hash of some of the project's own code: what a cache keeps its results under, so that a
 * change to the code that made them is a miss. Each entry is a path from `src/` (`../` reaches the
 * project root, for the lock file): a file, or a folder and every file under it. A missing path
 * hashes as missing. Names go into the hash with the bytes, so a moved file counts as a change.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = fileURLToPath(new URL('../', import.meta.url));

/** The files `entry` stands for, as paths from src/ (sorted within a folder). */
function filesOf(entry: string): string[] {
  const full = path.join(SRC, entry);
  const stat = fs.statSync(full, { throwIfNoEntry: false });
  if (!stat?.isDirectory()) return [entry];
  return fs.readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((f) => f.isFile())
    .map((f) => path.relative(SRC, path.join(f.parentPath, f.name)).split(path.sep).join('/'))
    .sort();
}

/** The hash of `label` and of every file `entries` stand for (see the module comment), in hex. */
export function codeDigest(label: string, entries: readonly string[]): string {
  const hash = crypto.createHash('sha256').update(label);
  for (const file of entries.flatMap(filesOf)) {
    const full = path.join(SRC, file);
    hash.update(`\0${file}\0`).update(fs.existsSync(full) ? fs.readFileSync(full) : '(missing)');
  }
  return hash.digest('hex');
}
