/**
 * What ingest may replace. Without `--force` it replaces nothing: any planned file that already
 * exists is "in the way" and the run writes nothing. With `--force` it replaces only files whose
 * bytes are exactly what ingest last wrote (the ledger, `ledger.ts`); a file a person wrote or
 * edited (a reviewed section, `draft: false`, always is one) is kept, and the new version is
 * written beside it as `<name>.ingest-new` (a name the build's globs never read), to compare by hand.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LEDGER_FILE, type Ledger, untouchedSinceIngest } from './ledger.ts';
import type { PlannedFile } from './plan.ts';

/** Appended to a kept file's name for the new version: `x.mdx` -> `x.mdx.ingest-new`. */
export const BESIDE_SUFFIX = '.ingest-new';
export const besidePath = (relative: string): string => `${relative}${BESIDE_SUFFIX}`;

/** One line of the per-file report. */
export interface FileDecision {
  path: string;
  action: 'create' | 'replace' | 'beside' | 'remove' | 'keep';
  /** For `beside`: where the new version goes. */
  beside?: string;
  /** Why a file was kept. */
  reason?: string;
}

export interface OverwritePlan {
  /** The files to write (a kept file's new version under its `beside` path). */
  writes: PlannedFile[];
  /** Earlier drafts to delete (untouched since ingest, not rewritten). */
  remove: string[];
  decisions: FileDecision[];
  /** Existing files a run without --force (or a beside file a person edited) would overwrite. */
  inTheWay: string[];
}

const exists = (dir: string, relative: string): boolean => fs.existsSync(path.join(dir, relative));

function whyKept(ledger: Ledger, relative: string): string {
  return ledger.written[relative] === undefined ? 'not written by ingest' : 'edited since ingest wrote it';
}

/**
 * Decides, for each planned file and each earlier draft of this source, whether to create,
 * replace, write beside, remove or keep it.
 */
export function decideOverwrites(dir: string, ledger: Ledger, files: readonly PlannedFile[], earlierDrafts: readonly string[], force: boolean): OverwritePlan {
  const plan: OverwritePlan = { writes: [], remove: [], decisions: [], inTheWay: [] };
  for (const file of files) {
    if (file.path === LEDGER_FILE || !exists(dir, file.path)) {
      plan.writes.push(file);
      plan.decisions.push({ path: file.path, action: 'create' });
    } else if (!force) {
      plan.inTheWay.push(file.path);
    } else if (untouchedSinceIngest(dir, ledger, file.path)) {
      plan.writes.push(file);
      plan.decisions.push({ path: file.path, action: 'replace' });
    } else {
      const beside = besidePath(file.path);
      if (exists(dir, beside) && !untouchedSinceIngest(dir, ledger, beside)) plan.inTheWay.push(beside);
      plan.writes.push({ ...file, path: beside });
      plan.decisions.push({ path: file.path, action: 'beside', beside, reason: whyKept(ledger, file.path) });
    }
  }
  if (!force) return plan;
  const rewritten = new Set(files.map((f) => f.path));
  for (const draft of earlierDrafts.filter((d) => !rewritten.has(d))) {
    if (untouchedSinceIngest(dir, ledger, draft)) {
      plan.remove.push(draft);
      plan.decisions.push({ path: draft, action: 'remove' });
    } else {
      plan.decisions.push({ path: draft, action: 'keep', reason: whyKept(ledger, draft) });
    }
  }
  return plan;
}

/** The per-file report: one line for each file replaced, kept, removed or written beside. */
export function formatDecisions(decisions: readonly FileDecision[], dryRun: boolean): string {
  const verb = (d: FileDecision): string => {
    switch (d.action) {
      case 'create': return 'new';
      case 'replace': return dryRun ? 'would replace (untouched since ingest)' : 'replaced (untouched since ingest)';
      case 'remove': return dryRun ? 'would remove (earlier draft, untouched since ingest)' : 'removed (earlier draft, untouched since ingest)';
      case 'keep': return `kept, not removed (${d.reason ?? ''})`;
      case 'beside': return `kept (${d.reason ?? ''}); new version ${dryRun ? 'would go' : 'written'} beside it: ${d.beside ?? ''}`;
    }
  };
  return decisions.filter((d) => d.action !== 'create' && d.path !== LEDGER_FILE).map((d) => `  ${d.path}: ${verb(d)}`).join('\n');
}
