/**
 * A folder of output files the site pass keeps in the build's cache folder between builds, and
 * puts back into a new output folder as hard links rather than as copies.
 *
 * Why links: a warm build at 5,000 sections puts back about 10,000 such files (Pagefind's shards,
 * the link-preview scripts), right after Astro has written the pages; writing them took 2.3 s
 * there, linking a small part of that. A link shares the file with the output folder, so:
 * - nothing ever writes into a kept file or an output file in place: a changed file is a new
 *   file, linked into the tree after the old link is removed (this module only links and unlinks);
 * - each file's size is kept with its name, and a tree whose files are missing or of another size
 *   is not put back (a miss, never an error); editing an output file in place by hand edits the
 *   kept one too: `npm run clean:cache` drops them all;
 * - where links cannot be made (another disk, a file system without them), files are copied.
 *
 * On disk: `<dir>/manifest.json` (the key the files were made for, and each file's name, size,
 * content hash and what it was made from, when its keeper gave them) and `<dir>/files/…`. A tree is replaced whole: made beside the old one, then renamed over it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../lib/atomic-file.ts';
import { listFiles } from '../links/scan-site.ts';

interface Manifest {
  key: string;
  /**
   * Path under the tree's root (with `/`), size in bytes, a hash of the content and a key of what
   * it was made from, each when the keeper gave one ('' otherwise; older manifests lack the last).
   */
  files: [string, number, string, string][];
}

/** A kept file: its size, and the hash of its content and the key of its inputs its keeper gave ('' when none). */
export interface KeptFile {
  size: number;
  hash: string;
  from: string;
}

const manifestFile = (dir: string) => path.join(dir, 'manifest.json');
const filesDir = (dir: string) => path.join(dir, 'files');

/** Puts `from` at `to` as a hard link, or a copy where a link cannot be made. */
function place(from: string, to: string): void {
  try {
    fs.linkSync(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EMLINK') throw error;
    fs.copyFileSync(from, to);
  }
}

/** Links (or copies) each of `names` from folder `from` into folder `to`, making folders as needed. */
export function linkFiles(from: string, to: string, names: readonly string[]): void {
  const made = new Set<string>();
  for (const name of names) {
    const target = path.join(to, ...name.split('/'));
    const dir = path.dirname(target);
    if (!made.has(dir)) {
      fs.mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    place(path.join(from, ...name.split('/')), target);
  }
}

/** The kept tree's files by name, when its manifest was made for `key` and is well formed; else undefined. */
export function keptManifest(dir: string, key: string): Map<string, KeptFile> | undefined {
  let manifest: Partial<Manifest>;
  try {
    manifest = JSON.parse(fs.readFileSync(manifestFile(dir), 'utf8')) as Partial<Manifest>;
  } catch {
    return undefined;
  }
  if (manifest.key !== key || !Array.isArray(manifest.files)) return undefined;
  const files = new Map<string, KeptFile>();
  for (const entry of manifest.files) {
    const [name, size, hash = '', from = ''] = Array.isArray(entry) ? entry : [];
    // Only plain relative names, as keepFiles writes them.
    if (typeof name !== 'string' || typeof size !== 'number' || typeof hash !== 'string' || typeof from !== 'string' || !name.split('/').every((part) => part !== '' && part !== '.' && part !== '..')) return undefined;
    files.set(name, { size, hash, from });
  }
  return files;
}

/** Whether kept file `name` of tree `dir` is there at the size it was kept with. */
export function keptIntact(dir: string, name: string, file: KeptFile): boolean {
  try {
    const stat = fs.statSync(path.join(filesDir(dir), ...name.split('/')));
    return stat.isFile() && stat.size === file.size;
  } catch {
    return false;
  }
}

/** Links (or copies) kept file `name` of tree `dir` to `target`. */
export function placeKept(dir: string, name: string, target: string): void {
  place(path.join(filesDir(dir), ...name.split('/')), target);
}

/**
 * Puts the kept tree into `out` (removed first) if it was made for `key` and is whole; whether it
 * did. A tree that fails half-way is removed from `out` again.
 */
export function restoreTree(dir: string, key: string, out: string): boolean {
  const kept = keptManifest(dir, key);
  if (!kept) return false;
  for (const [name, file] of kept) if (!keptIntact(dir, name, file)) return false;
  fs.rmSync(out, { recursive: true, force: true });
  try {
    linkFiles(filesDir(dir), out, [...kept.keys()]);
    return true;
  } catch {
    fs.rmSync(out, { recursive: true, force: true });
    return false;
  }
}

/**
 * Records new inputs (`from`) for the files of the tree kept under `key`, whose content is
 * unchanged: only the manifest is written again (the files are neither linked nor listed).
 */
export function rekeyKeptFiles(dir: string, key: string, files: ReadonlyMap<string, KeptFile>): void {
  writeManifest(dir, key, files);
}

/** Writes the manifest of the tree at `dir` (the one place its layout is written; {@link keptManifest} reads it). */
function writeManifest(dir: string, key: string, files: ReadonlyMap<string, KeptFile>): void {
  writeFileAtomic(manifestFile(dir), JSON.stringify({ key, files: [...files].map(([name, f]) => [name, f.size, f.hash, f.from]) } satisfies Manifest));
}

/** Keeps every file of `out` under `key`, replacing the tree that was kept. */
export function keepTree(dir: string, key: string, out: string): void {
  keepFiles(dir, key, out, listFiles(out));
}

/**
 * Keeps `names` (files of folder `out`, with the hashes of their content and the keys of what each
 * was made from, when given) under `key`, replacing the tree that was kept.
 */
export function keepFiles(dir: string, key: string, out: string, names: readonly string[], hashes?: ReadonlyMap<string, string>, from?: ReadonlyMap<string, string>): void {
  // Made beside the tree, then renamed over it; one a stopped build left beside it goes first.
  const parent = path.dirname(dir);
  const prefix = `${path.basename(dir)}.next-`;
  for (const name of fs.existsSync(parent) ? fs.readdirSync(parent) : []) {
    if (name.startsWith(prefix)) fs.rmSync(path.join(parent, name), { recursive: true, force: true });
  }
  const next = `${dir}.next-${process.pid}`;
  linkFiles(out, filesDir(next), names);
  writeManifest(next, key, new Map(names.map((name) => [name, { size: fs.statSync(path.join(out, ...name.split('/'))).size, hash: hashes?.get(name) ?? '', from: from?.get(name) ?? '' }])));
  fs.rmSync(dir, { recursive: true, force: true });
  fs.renameSync(next, dir);
}
