/**
 * The part of `npm run ingest` that corroborates: its options (`--title --publisher --url
 * --date`), and the step between planning and writing that aligns the new source with the
 * others, adds what it finds to the drafts it may change, writes the report of suggestions for
 * the rest, and records every file ingest writes in the ledger.
 */
import { partialDateSchema } from '../../schemas/dates.ts';
import { sourceSchema } from '../../schemas/source.ts';
import { IngestError } from '../errors.ts';
import { LEDGER_FILE, ledgerContent, readLedger, withWritten } from '../ledger.ts';
import type { PlannedFile } from '../plan.ts';
import { corroborate, infoOfManifest, type CorroborationResult } from './corroborate.ts';
import { formatSuggestion, reportContent, reportPath } from './report.ts';

/** parseArgs options for where a source comes from. */
export const ORIGIN_OPTIONS = {
  title: { type: 'string' },
  publisher: { type: 'string' },
  url: { type: 'string' },
  date: { type: 'string' },
} as const;

export const ORIGIN_USAGE = '[--title <title>] [--publisher <name>] [--url <https://…>] [--date <YYYY[-MM[-DD]]>]';

export type Origin = { title?: string | undefined; publisher?: string | undefined; url?: string | undefined; date?: string | undefined };

/** The origin flags, checked: a bad URL or date names the flag and the fix. */
export function originOf(values: Origin): Origin {
  if (values.url !== undefined && !sourceSchema.shape.url.safeParse(values.url).success) throw new IngestError(`--url "${values.url}" is not an absolute URL: give the page's address, e.g. --url https://www.state.gov/u-s-relations-with-russia/.`);
  if (values.date !== undefined && !partialDateSchema.safeParse(values.date).success) throw new IngestError(`--date "${values.date}" is not a real date: use YYYY, YYYY-MM or YYYY-MM-DD, e.g. --date 2019-08-02.`);
  for (const key of ['title', 'publisher'] as const) if (values[key] !== undefined && values[key].trim() === '') throw new IngestError(`--${key} is empty: give it a value or leave the flag out.`);
  return values;
}

/**
 * The files to write once the new source is corroborated: the planned files (drafts with
 * repairs and corroboration), existing untouched drafts it changes, the report (when there are
 * suggestions) and the ledger. `lines` is what to print.
 */
export function corroborateForIngest(dir: string, id: string, text: string, files: readonly PlannedFile[]): { files: PlannedFile[]; result: CorroborationResult; lines: string[] } {
  const manifest = files.find((f) => f.path === `sources/${id}.yaml`);
  const info = manifest ? infoOfManifest(manifest.content, id) : { title: id };
  const result = corroborate(dir, id, text, info, files);
  const written = [...result.planned, ...result.updates];
  if (result.report.suggestions.length > 0) written.push({ path: reportPath(id), content: reportContent(result.report) });
  const ledger = { path: LEDGER_FILE, content: ledgerContent(withWritten(readLedger(dir), written)) };
  return { files: [...written, ledger], result, lines: describe(result, id) };
}

function describe(result: CorroborationResult, id: string): string[] {
  const s = result.stats;
  if (s.sources === 0) return ['  corroboration: no other source to align with'];
  const lines = [
    `  corroboration: aligned with ${s.sources} other source${s.sources === 1 ? '' : 's'} in ${s.seconds.toFixed(2)} s: ${s.restored} restored, ${s.flagged} flagged, ${s.corroborated} paragraphs corroborated; ${result.updates.length} existing draft(s) updated`,
  ];
  if (s.suggested > 0) {
    lines.push(`  suggestions for reviewed or edited sections (not changed), in ${reportPath(id)}; apply one with npm run corroborate -- --apply <id>:`);
    lines.push(...result.report.suggestions.map(formatSuggestion));
  }
  return lines;
}
