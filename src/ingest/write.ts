import fs from 'node:fs';
import path from 'node:path';
import type { PlannedFile } from './plan.ts';

/**
 * The file-system calls the forward steps of {@link writeAtomically} make. Tests pass a wrapper
 * that throws at the n-th call, to prove that a write failing at any point changes nothing.
 * The rollback always uses `node:fs` itself.
 */
export interface WriteOps {
  mkdirSync: (dir: string, options: { recursive: true }) => string | undefined;
  writeFileSync: (file: string, content: string, options: { flag: 'wx' }) => void;
  renameSync: (from: string, to: string) => void;
}

/**
 * Writes every planned file atomically, as one batch: each goes to a temporary file beside its
 * target; only when all are written is each existing target (and each file in `remove`) moved
 * aside to a backup and the temporary file renamed into place (a rename within one folder is
 * atomic); the backups are deleted last. If any step fails, everything done so far is undone in
 * reverse (new files removed, backups moved back, folders it created removed), so the content
 * folder is byte for byte as it was, and the error is thrown again.
 */
export function writeAtomically(dir: string, files: readonly PlannedFile[], remove: readonly string[] = [], ops: WriteOps = fs): void {
  const tag = `ingest-${process.pid}`;
  const createdDirs: string[] = [];
  const temps: string[] = [];
  const backups: { backup: string; target: string }[] = [];
  const placed: string[] = [];
  const kept = new Set(files.map((f) => path.join(dir, f.path)));
  try {
    files.forEach((file, i) => {
      const target = path.join(dir, file.path);
      const created = ops.mkdirSync(path.dirname(target), { recursive: true });
      if (created) createdDirs.push(created);
      const temp = path.join(path.dirname(target), `.${path.basename(target)}.${tag}-${i}.tmp`);
      ops.writeFileSync(temp, file.content, { flag: 'wx' });
      temps.push(temp);
    });
    const aside = [...kept, ...remove.map((r) => path.join(dir, r)).filter((r) => !kept.has(r))];
    aside.forEach((target, i) => {
      if (!fs.existsSync(target)) return;
      const backup = path.join(path.dirname(target), `.${path.basename(target)}.${tag}-${i}.bak`);
      ops.renameSync(target, backup);
      backups.push({ backup, target });
    });
    temps.forEach((temp, i) => {
      const target = path.join(dir, files[i]?.path ?? '');
      ops.renameSync(temp, target);
      placed.push(target);
    });
  } catch (error) {
    undo(placed, temps, backups, createdDirs);
    throw error;
  }
  for (const { backup } of backups) fs.rmSync(backup, { force: true });
}

/** Puts the folder back as it was: newly placed files and temporaries out, backups back in. */
function undo(placed: string[], temps: string[], backups: { backup: string; target: string }[], createdDirs: string[]): void {
  for (const file of [...placed, ...temps]) fs.rmSync(file, { force: true });
  for (const { backup, target } of [...backups].reverse()) fs.renameSync(backup, target);
  // mkdirSync returns the first folder it created; each holds only what this run put there.
  for (const created of [...createdDirs].reverse()) fs.rmSync(created, { recursive: true, force: true });
}
