import * as chrono from 'chrono-node';
import { splitSentences } from '../lib/sentences.ts';
import { collapseWhitespace } from '../lib/text.ts';
import { isoParts, MAYBE_DATE, REFERENCE } from './line-shape.ts';

/** A date a sentence states, with the clause that says what happened then (verbatim) as its label. */
export interface StatedDate {
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`: as precise as the sentence is. */
  date: string;
  /** The clause holding the date, word for word from the text, so the timeline can find its paragraph. */
  label: string;
}

// Clause boundaries: punctuation with a space after it, or a relative word opening a clause.
const CLAUSE = /[,;:]\s+|\s+[–—]\s+|\s+(?=(?:which|while|when|whereas|after which)\s)/g;
// "in 1867" opening or inside a clause: a year an event is placed in.
const EVENT_YEAR = /\b[Ii]n ((?:1[5-9]|20)\d{2})\b(?![-–]\d|s\b|'s)/g;
const LABEL_MAX = 160;
// A clause cut before "which" can end on its preposition ("two decades in").
const DANGLING = /(?:\s+(?:in|of|on|at|to|for|by|and|or|the|a|an))+$/i;
const OPENER = /^(?:and|but|or|so|then|while|when)\s+/i;

/**
 * Every date the sentences of `text` state: day-month-year and month-year in any common English
 * form (parsed by chrono-node; only dates whose year is written, so "Thursday" never becomes a
 * day of ingest's own week), and a bare year placed by "in" ("In 1867 the United States
 * purchased Alaska"). Each carries the precision the text gives and the clause it sits in.
 */
export function statedDates(text: string): StatedDate[] {
  const found: StatedDate[] = [];
  const seen = new Set<string>();
  const add = (date: string, label: string) => {
    const key = `${date}\u0000${label}`;
    if (label === '' || seen.has(key)) return;
    seen.add(key);
    found.push({ date, label });
  };
  for (const raw of splitSentences(text)) {
    // Every date kept has its year written: a sentence without four digits in a row has none.
    if (!/\d{4}/.test(raw)) continue;
    const sentence = collapseWhitespace(raw);
    const covered: [number, number][] = [];
    for (const r of MAYBE_DATE.test(sentence) ? chrono.en.parse(sentence, REFERENCE) : []) {
      if (!/\d{4}/.test(r.text) || !r.start.isCertain('year') || !r.start.isCertain('month')) continue;
      // chrono reads "BC" after a year (any case: "May 1990 bC") as a year before Christ; a date
      // here is `YYYY…`, four digits of the common era.
      const year = r.start.get('year') ?? 0;
      if (year < 1000 || year > 9999) continue;
      const precision = r.start.isCertain('day') ? 3 : 2;
      covered.push([r.index, r.index + r.text.length]);
      add(isoParts(year, r.start.get('month'), r.start.get('day'), precision), clauseAround(sentence, r.index, r.index + r.text.length));
    }
    for (const m of sentence.matchAll(EVENT_YEAR)) {
      const at = m.index + m[0].length - 4;
      if (covered.some(([s, e]) => at >= s && at < e) || !m[1]) continue;
      add(m[1], clauseAround(sentence, m.index, m.index + m[0].length));
    }
  }
  return found;
}

/**
 * The clause of `sentence` holding characters `start`..`end`, verbatim: from the clause boundary
 * before it to the one after it, reaching back one clause when it opens with "which" or "when"
 * (it needs its subject) or says little beyond the date. Cut at a word to {@link LABEL_MAX}.
 */
export function clauseAround(sentence: string, start: number, end: number): string {
  const bounds = [0];
  for (const m of sentence.matchAll(CLAUSE)) {
    // A comma inside the date ("April 8, 2010") is not a clause boundary.
    if (m.index >= start && m.index < end) continue;
    bounds.push(m.index + m[0].length);
  }
  const after = bounds.findIndex((b) => b > start);
  let from = after === -1 ? bounds.length - 1 : after - 1;
  let next = after === -1 ? bounds.length : after;
  const endAt = (k: number) => (k >= bounds.length ? sentence.length : stopAt(sentence, bounds[k] ?? sentence.length));
  const words = () => sentence.slice(bounds[from] ?? 0, endAt(next)).replace(sentence.slice(start, end), '').split(/\s+/).filter((w) => /\p{L}{3}/u.test(w)).length;
  while (from > 0 && (/^(which|when|while|who|after which)\b/i.test(sentence.slice(bounds[from] ?? 0)) || words() < 3)) from--;
  // A date opening the sentence ("On Dec. 8, 1987, the treaty was signed") takes the clause after it.
  while (next < bounds.length && words() < 3) next++;
  const to = endAt(next);
  let label = sentence.slice(bounds[from] ?? 0, to).trim().replace(OPENER, '').replace(/[\s,;:.–—]+$/u, '').replace(DANGLING, '');
  if (label.length > LABEL_MAX) label = label.slice(0, LABEL_MAX).replace(/\s+\S*$/, '');
  return label;
}

/** The end of a clause: before the boundary's own punctuation. */
function stopAt(sentence: string, boundary: number): number {
  let k = boundary;
  while (k > 0 && /[\s,;:–—]/.test(sentence[k - 1] ?? '')) k--;
  return k;
}
