import fs from 'node:fs';
import path from 'node:path';
import type { PlannedFile } from './plan.ts';

/**
 * Writes every planned file atomically: each goes to a temporary file beside its target, and
 * only when all are written are they renamed into place (a rename within one folder is
 * atomic). A failure before the renames removes the temporary files and leaves the folder as
 * it was. Then removes `remove` (earlier drafts the plan replaces).
 */
export function writeAtomically(dir: string, files: readonly PlannedFile[], remove: readonly string[] = []): void {
  const staged: { temp: string; target: string }[] = [];
  try {
    files.forEach((file, i) => {
      const target = path.join(dir, file.path);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const temp = path.join(path.dirname(target), `.${path.basename(target)}.ingest-${process.pid}-${i}.tmp`);
      fs.writeFileSync(temp, file.content, { flag: 'wx' });
      staged.push({ temp, target });
    });
  } catch (error) {
    for (const { temp } of staged) fs.rmSync(temp, { force: true });
    throw error;
  }
  const kept = new Set(files.map((f) => path.join(dir, f.path)));
  for (const { temp, target } of staged) fs.renameSync(temp, target);
  for (const relative of remove) {
    const target = path.join(dir, relative);
    if (!kept.has(target)) fs.rmSync(target, { force: true });
  }
}
