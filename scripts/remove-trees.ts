/**
 * `node scripts/remove-trees.ts <folder>...`: removes each folder whole (src/lib/atomic-file.ts
 * `removeTree`, which makes the removal again while another process empties part of the same
 * folder). scripts/build.ts runs it detached on the output folders a build replaced; two builds in
 * a row can run two of these on the same folder.
 */
import { removeTree } from '../src/lib/atomic-file.ts';

for (const dir of process.argv.slice(2)) {
  try {
    removeTree(dir);
  } catch (error) {
    // Detached, with no one to tell: the next build's removal takes what is left.
    process.exitCode = 1;
    process.stderr.write(`${(error as Error).message}\n`);
  }
}
