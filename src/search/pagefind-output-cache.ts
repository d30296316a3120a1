/**
 * Pagefind's output (one shard's: pagefind-shards.ts), kept between builds with a hash of the
 * input it was made from (every page and its Pagefind input, in the order they were added: see
 * `input` in pagefind-feed.ts). Pagefind writes the same files for the same input, so when a build
 * feeds exactly what the last successful one fed, its files are put back from here instead of
 * indexing again: as hard links into the new output folder (`restoreTree` and `keepTree` of
 * src/site-pass/kept-tree.ts, in the folder this module names), about 1,300 files per shard. A
 * missing or damaged tree is a miss.
 */
import fs from 'node:fs';
import path from 'node:path';

const KEPT = 'pagefind-out';

/** Where shard `shard`'s output is kept (pagefind-shards.ts): `site-pass/pagefind-out/0`, `…/1`, … */
export const pagefindOutputDir = (cacheDir: string, shard = 0): string => path.join(cacheDir, 'site-pass', KEPT, String(shard));

/** Removes the kept outputs of shards from `count` on (a site that shrank has fewer shards), and those kept in an earlier format. */
export function prunePagefindOutputs(cacheDir: string, count: number): void {
  const dir = path.join(cacheDir, 'site-pass');
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    if (/^pagefind(-\d+)?\.v8$/.test(name)) fs.rmSync(path.join(dir, name), { force: true });
  }
  const kept = path.join(dir, KEPT);
  for (const name of fs.existsSync(kept) ? fs.readdirSync(kept) : []) {
    const shard = /^(\d+)$/.exec(name)?.[1];
    if (shard !== undefined && Number(shard) >= count) fs.rmSync(path.join(kept, name), { recursive: true, force: true });
  }
}

