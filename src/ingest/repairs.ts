import { bodyReadingText } from '../content/load.ts';
import { detectGaps, type GapKind } from './gaps.ts';

/** A candidate repair for a draft: where the loss sits and what it looks like; no value. */
export interface CandidateRepair {
  after: string;
  note: string;
  confidence: 'low';
  kind: GapKind;
  line: number;
}

/** A line of a paragraph, as it stands in the draft body (trimmed). */
export interface BodyLine {
  line: number;
  text: string;
}

/**
 * Candidate repairs for one section. Each gap's `after` is the shortest run of whole words
 * ending at the gap, on the gap's own line, that occurs exactly once in the body as the site
 * reads it ({@link bodyReadingText}); a gap that no such run identifies is left out and counted.
 */
export function candidateRepairs(lines: readonly BodyLine[], body: string): { repairs: CandidateRepair[]; ambiguous: number } {
  const reading = bodyReadingText(body);
  const repairs: CandidateRepair[] = [];
  const used = new Set<string>();
  let ambiguous = 0;
  for (const { line, text } of lines) {
    for (const gap of detectGaps(text)) {
      const after = uniqueRunBefore(text, gap.end, reading);
      if (after === undefined || used.has(after)) {
        ambiguous++;
        continue;
      }
      used.add(after);
      repairs.push({ after, note: `Possible loss (${gap.kind}): ${gap.note} Unreviewed: check the original page before inserting anything.`, confidence: 'low', kind: gap.kind, line });
    }
  }
  return { repairs, ambiguous };
}

/** An `after` longer than this is no help to an editor, and searching further costs time. */
const MAX_AFTER_WORDS = 12;

/** The shortest run of whole words of `text` ending at `end` that occurs once in `reading` (also used by corroboration). */
export function uniqueRunBefore(text: string, end: number, reading: string): string | undefined {
  // Walk back word by word from the gap; begin with two words so `after` reads as a phrase.
  let words = 0;
  for (let i = end - 1; i >= 0; i--) {
    const startsWord = !/\s/.test(text[i] ?? '') && (i === 0 || /\s/.test(text[i - 1] ?? ''));
    if (!startsWord) continue;
    words++;
    if (words > MAX_AFTER_WORDS) return undefined;
    if (words < 2 && i > 0) continue;
    const run = text.slice(i, end);
    if (run.trim() !== '' && occursOnce(reading, run)) return run;
  }
  return undefined;
}

function occursOnce(haystack: string, needle: string): boolean {
  const first = haystack.indexOf(needle);
  return first !== -1 && haystack.indexOf(needle, first + 1) === -1;
}
