/**
 * Shared by the corroboration suites: the CLI as a user runs it, a content folder's sections
 * read back, and the scraper's damage as the provenance notes describe it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import type { Corroboration } from '../../src/schemas/corroboration.ts';
import type { Repair } from '../../src/schemas/repair.ts';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** `npm run <script> -- args` with SITE_CONTENT_DIR=content (Node 24 runs the .ts directly). */
export function run(script: 'ingest' | 'corroborate', content: string, ...args: string[]) {
  const cli = script === 'ingest' ? 'src/ingest/cli.ts' : 'src/ingest/corroborate/apply-cli.ts';
  const r = spawnSync(process.execPath, [path.join(ROOT, cli), ...args], { cwd: ROOT, env: { ...process.env, SITE_CONTENT_DIR: content }, encoding: 'utf8' });
  if (r.status !== 0 && script === 'ingest') throw new Error(`ingest ${args.join(' ')} failed (${r.status}):\n${r.stderr}${r.stdout}`);
  return { code: r.status, out: r.stdout, err: r.stderr };
}

export const tempDir = (label: string): string => fs.mkdtempSync(path.join(os.tmpdir(), `corroboration-${label}-`));

export interface SectionRead {
  path: string;
  text: string;
  data: { source: string; lines: number[]; draft: boolean; repairs?: Repair[]; corroboration?: Corroboration[] };
  body: string;
}

/** Every section file of a content folder, parsed. */
export function readSections(content: string): SectionRead[] {
  const root = path.join(content, 'sections');
  if (!fs.existsSync(root)) return [];
  return fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mdx')).sort().map((f) => {
    const text = fs.readFileSync(path.join(root, f), 'utf8');
    const end = text.indexOf('\n---\n', 3);
    return { path: `sections/${f}`, text, data: parse(text.slice(4, end + 1)), body: text.slice(end + 5) };
  });
}

/** Letters and digits only, lower-cased: how "the right value at the right place" is compared. */
export const compact = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** Words of a text (letters and digits), lower-cased. */
export const wordsOf = (s: string): string[] => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

export { damage, type Loss } from '../../bench/scrape-damage.ts';

/** An offset moved back over white space, so "in |of" and "in| of" are one place. */
export const settle = (line: string, offset: number): number => {
  let at = offset;
  while (at > 0 && /\s/.test(line[at - 1] ?? '')) at--;
  return at;
};

/** Where a repair's words go in a line: right after its `after` (undefined when `after` is not in the line). */
export function repairOffset(line: string, repair: Repair): number | undefined {
  const at = line.indexOf(repair.after);
  return at === -1 ? undefined : at + repair.after.length;
}
