/**
 * `npm run clean:cache`: drops every build's cache (content store, rendered sections, reused
 * pages: node_modules/.astro/) and Astro's generated types (.astro/). The next build is cold and
 * gives the same output; nothing in content/ or dist/ is touched.
 */
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
for (const dir of [path.join(root, 'node_modules', '.astro'), path.join(root, '.astro')]) {
  const existed = fs.existsSync(dir);
  fs.rmSync(dir, { recursive: true, force: true });
  process.stdout.write(`${existed ? 'removed' : 'no'} ${path.relative(root, dir)}/\n`);
}
