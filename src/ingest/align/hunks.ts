/**
 * Word-level comparison of two passages that say the same thing (jsdiff's `diffArrays`), and
 * what the differences mean: a value one side lost and the other still has (a fill), or two
 * different values at the same place (a disagreement). Everything else (a word more here, a
 * sentence missing there) is a difference of versions and is left alone.
 */
import { diffArrays } from 'diff';
import { fillOf, MIN_LEFT, MIN_RIGHT } from './fill.ts';
import { hasDigit, type Sentence } from './tokens.ts';
import { lineSlice, sameLine, type Word } from './words.ts';

/** Where in a scraped line something sits. */
export interface Spot {
  source: string;
  line: number;
  /** Offset in the line. */
  offset: number;
}

/** One side lost words the other still has: insert `insert` at `at` (on the lost side). */
export interface Fill {
  kind: 'fill';
  /** Which side lost the words: 'a' (the first passage) or 'b'. */
  lost: 'a' | 'b';
  at: Spot;
  /** The whole line of the lost side that `at` indexes into. */
  lineText: string;
  /** The lost side's sentence holding the gap. */
  sentence: Sentence;
  /** The other source's characters, exactly (trimmed where the lost side already has the space). */
  insert: string;
  /** The other side's words: the sentence quoted as evidence, and its line. */
  from: Word;
  /** Words that match on each side of the gap (more is a surer match). */
  left: number;
  right: number;
  /** True when the lost side's words run into each other at the gap ("Julycalling"). */
  glued: boolean;
}

/** The two sides hold different values at the same place: nothing is restored, both are flagged. */
export interface Disagreement {
  kind: 'disagreement';
  /** The end of each side's differing words, and those words. */
  a: Spot & { words: string; word: Word };
  b: Spot & { words: string; word: Word };
}

export type Finding = Fill | Disagreement;

/** Share of the shorter passage's words that may differ for two passages to be compared at all. */
const MAX_EDIT_SHARE = 0.4;
/** A disagreement is a local difference: a few words on each side, at most. */
const MAX_DISAGREEMENT_WORDS = 4;

interface Hunk {
  a0: number; a1: number; b0: number; b1: number;
  left: number; right: number;
}

/** Equal runs and hunks of the word-level diff of `a` and `b`. */
export function hunksOf(a: readonly Word[], b: readonly Word[]): { hunks: Hunk[]; equal: number } {
  // Passages that differ in more than a few words are not copies of each other: stop early.
  const maxEditLength = Math.abs(a.length - b.length) + Math.ceil(MAX_EDIT_SHARE * Math.min(a.length, b.length)) + 4;
  const changes = diffArrays(a.map((w) => w.norm), b.map((w) => w.norm), { maxEditLength });
  if (!changes) return { hunks: [], equal: 0 };
  const hunks: Hunk[] = [];
  let i = 0;
  let j = 0;
  let equal = 0;
  let lastEqual = 0;
  let open: Hunk | undefined;
  for (const c of changes) {
    if (!c.added && !c.removed) {
      if (open) {
        open.right = c.count;
        hunks.push(open);
        open = undefined;
      }
      i += c.count;
      j += c.count;
      equal += c.count;
      lastEqual = c.count;
      continue;
    }
    open ??= { a0: i, a1: i, b0: j, b1: j, left: lastEqual, right: 0 };
    if (c.removed) i += c.count;
    else j += c.count;
    open.a1 = i;
    open.b1 = j;
    lastEqual = 0;
  }
  if (open) hunks.push(open);
  return { hunks, equal };
}

/** Fills and disagreements between two passages; `a` and `b` play the same role. */
export function compareWords(a: readonly Word[], b: readonly Word[]): { findings: Finding[]; equal: number } {
  const { hunks, equal } = hunksOf(a, b);
  const findings: Finding[] = [];
  let chained = 0;
  for (const h of hunks) {
    // A gap right after a filled one counts the words before that one too ("4 July|1960|held 12,|000").
    const left = h.left + chained;
    const fill = fillOf(a, b, h.a0, h.a1, h.b0, h.b1, left, h.right, 'a') ?? fillOf(b, a, h.b0, h.b1, h.a0, h.a1, left, h.right, 'b');
    chained = fill ? left + h.right : 0;
    if (fill) findings.push(fill);
    else {
      const d = disagreementOf(a, b, h);
      if (d) findings.push(d);
    }
  }
  return { findings, equal };
}

function disagreementOf(a: readonly Word[], b: readonly Word[], h: Hunk): Disagreement | undefined {
  const as = a.slice(h.a0, h.a1);
  const bs = b.slice(h.b0, h.b1);
  if (as.length === 0 || bs.length === 0 || as.length > MAX_DISAGREEMENT_WORDS || bs.length > MAX_DISAGREEMENT_WORDS) return undefined;
  // Matching words on both sides, enough of them in all: "Over |3,500|4,200| officers were trained".
  if (Math.min(h.left, h.right) < 1 || h.left + h.right < MIN_LEFT + MIN_RIGHT) return undefined;
  if (!as.some((w) => hasDigit(w.norm)) && !bs.some((w) => hasDigit(w.norm))) return undefined;
  const spot = (ws: Word[]) => {
    const first = ws[0] as Word;
    const last = ws.at(-1) as Word;
    return { source: last.sentence.source, line: last.sentence.line, offset: last.end, words: sameLine(first, last) ? lineSlice(first, first.start, last.end) : ws.map((w) => w.norm).join(' '), word: last };
  };
  return { kind: 'disagreement', a: spot(as), b: spot(bs) };
}
