/**
 * Pagefind's output (one shard's: pagefind-shards.ts), kept between builds with a hash of the input it was made from (every page
 * and its Pagefind input, in the order they were added: see `input` in pagefind-feed.ts). Pagefind
 * writes the same files for the same input, so when a build feeds exactly what the last successful
 * one fed, its files are restored from here instead of indexing again. One file in the build's
 * cache folder, written whole (temp file + rename); missing or unreadable, it is a miss.
 */
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { writeFileAtomic } from '../lib/atomic-file.ts';

interface StoredOutput {
  input: string;
  /** Path under the Pagefind folder (with `/`) -> bytes. */
  files: [string, Uint8Array][];
}

/** Where shard `shard`'s output is kept (pagefind-shards.ts): `pagefind.v8`, `pagefind-1.v8`, … */
export const pagefindOutputFile = (cacheDir: string, shard = 0): string => path.join(cacheDir, 'site-pass', shard === 0 ? 'pagefind.v8' : `pagefind-${shard}.v8`);

/** Removes the kept outputs of shards from `count` on (a site that shrank has fewer shards). */
export function prunePagefindOutputs(cacheDir: string, count: number): void {
  const dir = path.join(cacheDir, 'site-pass');
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    const shard = /^pagefind-(\d+)\.v8$/.exec(name)?.[1];
    if (shard !== undefined && Number(shard) >= count) fs.rmSync(path.join(dir, name), { force: true });
  }
}

/** Writes the stored output into `dir` if it was made from `input`; whether it did. */
export function restorePagefindOutput(file: string, input: string, dir: string): boolean {
  let data: Partial<StoredOutput> | null;
  try {
    data = v8.deserialize(fs.readFileSync(file)) as Partial<StoredOutput> | null;
  } catch {
    return false;
  }
  if (!data || data.input !== input || !Array.isArray(data.files)) return false;
  fs.rmSync(dir, { recursive: true, force: true });
  // Only plain relative names, as savePagefindOutput writes them.
  if (!data.files.every(([name]) => typeof name === 'string' && name.split('/').every((part) => part !== '' && part !== '.' && part !== '..'))) return false;
  for (const [name, bytes] of data.files) {
    const target = path.join(dir, ...name.split('/'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, bytes);
  }
  return true;
}

/** Keeps the files of `dir` (Pagefind's output, made from `input`) for the next build. */
export function savePagefindOutput(file: string, input: string, dir: string): void {
  const files: [string, Uint8Array][] = [];
  const walk = (rel: string): void => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const name = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(name);
      else files.push([name, fs.readFileSync(path.join(dir, name))]);
    }
  };
  walk('');
  writeFileAtomic(file, v8.serialize({ input, files } satisfies StoredOutput));
}
