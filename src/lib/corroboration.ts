/**
 * Which lines of a source other sources share, from the sections' `corroboration` entries (each
 * written on both sides when ingest aligned two sources). For the source page, line by line.
 */
import type { Corroboration } from '../schemas/corroboration.ts';

/** A section as far as corroboration is concerned. */
export interface CorroboratedSection {
  source: string;
  corroboration: readonly Corroboration[];
}

/** Lines of another source holding the same words as one line of this source. */
export interface SharedWith {
  source: string;
  lines: number[];
}

/** Line of `sourceId` -> the other sources (and their lines) that share it, sorted by source. */
export function sharedLines(sections: readonly CorroboratedSection[], sourceId: string): Map<number, SharedWith[]> {
  const out = new Map<number, Map<string, Set<number>>>();
  const add = (line: number, source: string, lines: readonly number[]) => {
    const bySource = out.get(line) ?? new Map<string, Set<number>>();
    const set = bySource.get(source) ?? new Set<number>();
    for (const l of lines) set.add(l);
    bySource.set(source, set);
    out.set(line, bySource);
  };
  for (const s of sections) {
    for (const c of s.corroboration) {
      if (s.source === sourceId && c.source !== sourceId) add(c.line, c.source, c.lines);
      else if (c.source === sourceId && s.source !== sourceId) for (const l of c.lines) add(l, s.source, [c.line]);
    }
  }
  return new Map(
    [...out].map(([line, bySource]) => [line, [...bySource].sort(([a], [b]) => a.localeCompare(b)).map(([source, lines]) => ({ source, lines: [...lines].sort((a, b) => a - b) }))]),
  );
}
