/**
 * `npm run clean:cache`: drops every build's cache (content store, rendered sections, reused
 * pages: node_modules/.astro/) and Astro's generated types (.astro/). The next build is cold and
 * gives the same output; nothing in content/ or dist/ is touched.
 */
import fs from 'node:fs';
import path from 'node:path';
import { removeTree } from '../src/lib/atomic-file.ts';

const root = path.resolve(import.meta.dirname, '..');
for (const dir of [path.join(root, 'node_modules', '.astro'), path.join(root, '.astro')]) {
  const existed = fs.existsSync(dir);
  // Not fs.rmSync alone: a build that just ended may still be removing its replaced output in there.
  removeTree(dir);
  process.stdout.write(`${existed ? 'removed' : 'no'} ${path.relative(root, dir)}/\n`);
}
