/**
 * Suggestions for sections a person owns (reviewed, or edited since ingest wrote them): ingest
 * never changes those, so what corroboration found for them is written to
 * `sources/<id>.corroboration.json` beside the new source and printed; `npm run corroborate --
 * --apply <suggestion-id>` applies a chosen one.
 */
import { sha256 } from '../ledger.ts';
import type { Corroboration } from '../../schemas/corroboration.ts';
import type { Repair } from '../../schemas/repair.ts';

/** Why a section was left alone. */
export type Owner = 'reviewed' | 'edited';

export interface Suggestion {
  /** Stable id: `c-` and 10 hex digits of the section path and the suggested value. */
  id: string;
  /** The section file (content-relative). */
  section: string;
  why: Owner;
  repair?: Repair;
  corroboration?: Corroboration;
  /** Set by `npm run corroborate -- --apply` once applied. */
  applied?: boolean;
}

export interface Report {
  version: 1;
  /** The source whose ingest found these. */
  source: string;
  suggestions: Suggestion[];
}

/** Where the report of source `id` goes (content-relative); not a `sources/*.yaml` manifest. */
export const reportPath = (id: string): string => `sources/${id}.corroboration.json`;

export function suggestion(section: string, why: Owner, value: { repair: Repair } | { corroboration: Corroboration }): Suggestion {
  return { id: `c-${sha256(`${section}\n${JSON.stringify(value)}`).slice(0, 10)}`, section, why, ...value };
}

export const reportContent = (report: Report): string => `${JSON.stringify(report, null, 2)}\n`;

/** One line per suggestion, for the terminal. */
export function formatSuggestion(s: Suggestion): string {
  const what = s.repair
    ? s.repair.insert !== undefined
      ? `restore “${s.repair.insert.trim()}” after “${s.repair.after}” (${s.repair.confidence})`
      : `flag after “${s.repair.after}”: ${s.repair.note}`
    : `also in ${s.corroboration?.source}, line ${s.corroboration?.lines.join(', ')} (paragraph #${s.corroboration?.paragraph})`;
  return `  ${s.id}  ${s.section} (${s.why}): ${what}`;
}
