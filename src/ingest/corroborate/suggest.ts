/**
 * What an alignment means for the sections: a repair (restored words, or a flagged
 * disagreement) at a place in a source line, and corroboration between lines. Placing them in a
 * section (its `after` text, its paragraph) is done by `place.ts`, once the section is known.
 */
import type { Alignment } from '../align/align.ts';
import type { Fill, Spot } from '../align/hunks.ts';
import { sentenceText } from '../align/tokens.ts';
import type { Word } from '../align/words.ts';
import { detectGaps } from '../gaps.ts';
import type { Evidence } from '../../schemas/repair.ts';
import { restoredDate } from './restored-date.ts';

/** What a source's manifest says of it, for the evidence of repairs made from it. */
export interface SourceInfo {
  title: string;
  publisher?: string | undefined;
  url?: string | undefined;
}

/** A repair at a place in a source line, before it is placed in a section. */
export interface RepairAt {
  at: Spot;
  insert?: string;
  note: string;
  evidence: Evidence;
  confidence: 'high' | 'medium' | 'low';
  date?: string;
}

/** A line of one source shared with lines of another. */
export interface SharedAt {
  source: string;
  line: number;
  other: string;
  lines: number[];
}

/** Longest quote kept as evidence; a longer sentence is cut around the restored words. */
const MAX_QUOTE = 300;

export function suggestionsOf(alignment: Alignment, info: (source: string) => SourceInfo): { repairs: RepairAt[]; shared: SharedAt[] } {
  const repairs: RepairAt[] = [];
  const fillsAt = new Map<string, Fill[]>();
  for (const f of alignment.findings) {
    if (f.kind !== 'fill') continue;
    const key = `${f.at.source}:${f.at.line}:${f.at.offset}`;
    fillsAt.set(key, [...(fillsAt.get(key) ?? []), f]);
  }
  for (const fills of fillsAt.values()) {
    // Fills of one gap agree when they restore the same letters and digits ("2000." and "2000");
    // the one with the most matching words around it is kept.
    const values = new Set(fills.map((f) => f.insert.replace(/[^\p{L}\p{N}]/gu, '')));
    const first = fills.reduce((best, f) => (f.left + f.right > best.left + best.right ? f : best));
    if (values.size === 1) repairs.push(fillRepair(first, info));
    else {
      // Two sources fill the same gap differently: restore nothing, say so.
      const readings = fills.map((f) => `${info(f.from.sentence.source).title} (line ${f.from.sentence.line}) has “${f.insert.trim()}”`).join('; ');
      repairs.push({ at: first.at, note: `The other sources disagree on what was lost here: ${readings}. Nothing is restored.`, evidence: evidenceOf(first.from, info), confidence: 'low' });
    }
  }
  for (const d of alignment.findings) {
    if (d.kind !== 'disagreement') continue;
    for (const [own, other] of [[d.a, d.b], [d.b, d.a]] as const) {
      repairs.push({
        at: { source: own.source, line: own.line, offset: own.offset },
        note: `The sources disagree here: ${info(other.source).title} (line ${other.line}) reads “${other.words}” where this text reads “${own.words}”. Nothing is restored; check the original pages.`,
        evidence: evidenceOf(other.word, info),
        confidence: 'low',
      });
    }
  }
  const shared = new Map<string, SharedAt>();
  for (const { a, b } of alignment.shared) {
    for (const [own, other] of [[a, b], [b, a]] as const) {
      const key = `${own.source}:${own.line}:${other.source}`;
      const entry = shared.get(key) ?? { source: own.source, line: own.line, other: other.source, lines: [] };
      if (!entry.lines.includes(other.line)) entry.lines.push(other.line);
      shared.set(key, entry);
    }
  }
  return { repairs, shared: [...shared.values()] };
}

function fillRepair(f: Fill, info: (source: string) => SourceInfo): RepairAt {
  const lost = f.lineText;
  const trace = detectGaps(lost).some((g) => Math.abs(g.end - f.at.offset) <= 3) || f.glued;
  const score = Math.min(f.left, 4) + Math.min(f.right, 4) + (trace ? 2 : 0);
  const source = info(f.from.sentence.source);
  const date = restoredDate(lost.slice(0, f.at.offset), f.insert);
  return {
    at: f.at,
    insert: f.insert,
    note: `Restored from another source: ${source.title} (line ${f.from.sentence.line}) has “${f.insert.trim()}” here, which this scraped text lost. ${f.left} matching words before the gap, ${f.right} after${trace ? '; the gap leaves a visible trace here' : ''}.`,
    evidence: evidenceOf(f.from, info),
    confidence: score >= 7 ? 'high' : score >= 4 ? 'medium' : 'low',
    ...(date ? { date } : {}),
  };
}

/** The evidence of a word's sentence: its source's publisher (or title), URL, the sentence, its line. */
function evidenceOf(word: Word, info: (source: string) => SourceInfo): Evidence {
  const s = word.sentence;
  const source = info(s.source);
  let quote = sentenceText(s);
  if (quote.length > MAX_QUOTE) {
    const at = Math.max(0, word.start - s.start - MAX_QUOTE / 2);
    quote = `${at > 0 ? '…' : ''}${quote.slice(at, at + MAX_QUOTE).trim()}…`;
  }
  return { publisher: source.publisher ?? source.title, ...(source.url ? { url: source.url } : {}), quote, source: s.source, line: s.line };
}
