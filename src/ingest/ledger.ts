/**
 * What ingest wrote, so an untouched draft can be told from one a person has edited.
 *
 * `<content>/ingest-ledger.json` maps each content-relative path that ingest wrote to the SHA-256
 * of the bytes it wrote. A file whose bytes still hash to the recorded value is untouched since
 * ingest wrote it; any other file (edited, hand-written, or never written by ingest) belongs to a
 * person and is never changed by ingest (`--force` included): suggestions for it go in a report.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const LEDGER_FILE = 'ingest-ledger.json';

export interface Ledger {
  version: 1;
  /** Content-relative path (forward slashes) -> sha256 hex of the bytes ingest wrote. */
  written: Record<string, string>;
}

export const sha256 = (bytes: string | Uint8Array): string => crypto.createHash('sha256').update(bytes).digest('hex');

/** The ledger of `dir` (empty when absent). */
export function readLedger(dir: string): Ledger {
  const file = path.join(dir, LEDGER_FILE);
  if (!fs.existsSync(file)) return { version: 1, written: {} };
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Ledger>;
  return { version: 1, written: { ...(parsed.written ?? {}) } };
}

/** The ledger with `files` recorded as written now (a new object; the caller writes it with the files). */
export function withWritten(ledger: Ledger, files: readonly { path: string; content: string | Uint8Array }[]): Ledger {
  const written = { ...ledger.written };
  for (const file of files) written[file.path] = sha256(file.content);
  const sorted = Object.fromEntries(Object.entries(written).sort(([a], [b]) => a.localeCompare(b)));
  return { version: 1, written: sorted };
}

/** The ledger as file content (stable key order, trailing newline). */
export const ledgerContent = (ledger: Ledger): string => `${JSON.stringify(ledger, null, 2)}\n`;

/**
 * True when `relative` exists in `dir` and its bytes are exactly what ingest last wrote there:
 * ingest may replace it. False for a file a person wrote or edited, or that ingest never wrote.
 */
export function untouchedSinceIngest(dir: string, ledger: Ledger, relative: string): boolean {
  const recorded = ledger.written[relative];
  const file = path.join(dir, relative);
  if (recorded === undefined || !fs.existsSync(file)) return false;
  return sha256(fs.readFileSync(file)) === recorded;
}

/** The ledger without `paths` (files ingest removed). A new object. */
export function withoutPaths(ledger: Ledger, paths: readonly string[]): Ledger {
  const gone = new Set(paths);
  return { version: 1, written: Object.fromEntries(Object.entries(ledger.written).filter(([p]) => !gone.has(p))) };
}
