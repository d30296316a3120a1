/**
 * One kind of difference between two passages: a number one side lost and the other still has
 * (see {@link fillOf}), with the other side's exact characters to insert.
 */
import type { Fill } from './hunks.ts';
import { hasDigit } from './tokens.ts';
import { lineSlice, offsetAfterChars, sameLine, type Word } from './words.ts';

/** Matching words needed before a gap, and after it (or, at the end of a passage, before it). */
export const MIN_LEFT = 2;
export const MIN_RIGHT = 2;
const MIN_LEFT_OPEN_END = 4;
/** The longest run of digits taken for one lost number. */
const MAX_LOST_DIGITS = 12;
/**
 * The words `y[y0..y1)` fill a loss in `x` at `x[x0..x1)`, when `x`'s words there are `y`'s with
 * a middle part missing (on letters and digits: "julycalling" = "july" + "calling" of "july 2014
 * calling"), the missing part holds a digit (what this scraper lost), and enough words match
 * around it. At the end of `y`'s passage only the words before count, and more are needed.
 */
export function fillOf(x: readonly Word[], y: readonly Word[], x0: number, x1: number, y0: number, y1: number, left: number, right: number, lost: 'a' | 'b'): Fill | undefined {
  const xs = x.slice(x0, x1);
  const ys = y.slice(y0, y1);
  if (ys.length === 0) return undefined;
  const xa = xs.map((w) => w.norm).join('');
  const ya = ys.map((w) => w.norm).join('');
  let p = 0;
  while (p < xa.length && p < ya.length && xa[p] === ya[p]) p++;
  const openEnd = y1 === y.length && right === 0 && x0 > 0 && (xs.length > 0 || endsAbruptly(x[x0 - 1] as Word));
  // Digits never go inside the lost side's own run of digits: "19" against "1879", or "100"
  // against "1, 1", is a different number, not one that lost digits in its middle.
  // Nor right before the lost side's own number: "of { 100." against "of { 0." differs in value.
  if (hasDigit(xa[p] ?? '') && (p === 0 || hasDigit(xa[p - 1] ?? ''))) return undefined;
  let suffix: number;
  if (openEnd) suffix = 0;
  else {
    suffix = xa.length - p;
    if (ya.length <= xa.length || !ya.endsWith(xa.slice(p))) return undefined;
  }
  const middle = ya.slice(p, ya.length - suffix);
  // What this scraper loses is a number ("1917", "729" of "9M729", "500" of "3,500"): nothing else is filled.
  if (!/^\p{N}+$/u.test(middle) || middle.length > MAX_LOST_DIGITS) return undefined;
  const leftWords = left + (p > 0 ? 1 : 0);
  const rightWords = right + (suffix > 0 ? 1 : 0);
  // At the end of both passages one matching word after the gap is enough ("on 1,|500| goods.").
  const rightEnough = rightWords >= MIN_RIGHT || (rightWords >= 1 && x1 + right === x.length && y1 + right === y.length && leftWords >= MIN_LEFT_OPEN_END);
  if (openEnd ? leftWords < MIN_LEFT_OPEN_END : leftWords < MIN_LEFT || !rightEnough) return undefined;

  // Where the gap is on the lost side, and the other side's characters that fill it.
  const xBefore = p > 0 ? offsetAfterChars(xs, p) : x[x0 - 1] && { word: x[x0 - 1] as Word, offset: (x[x0 - 1] as Word).end };
  const yFrom = p > 0 ? offsetAfterChars(ys, p) : y[y0 - 1] && { word: y[y0 - 1] as Word, offset: (y[y0 - 1] as Word).end };
  const yNext = openEnd ? undefined : y[y1];
  const yTo = suffix > 0 ? startOfLastChars(ys, suffix) : yNext && sameLine(yNext, ys.at(-1) as Word) ? { word: yNext, offset: yNext.start } : { word: ys.at(-1) as Word, offset: (ys.at(-1) as Word).end };
  if (!xBefore || !yFrom || !yTo || !sameLine(yFrom.word, yTo.word)) return undefined;
  // Numbers on both sides of the gap ("1,000.|1,000"): which number lost what is a guess.
  if (p === 0 && hasDigit(x[x0 - 1]?.norm ?? '') && hasDigit(x[x0]?.norm ?? '')) return undefined;
  const xAfter = suffix > 0 ? startOfLastChars(xs, suffix) : x[x1] && { word: x[x1] as Word, offset: (x[x1] as Word).start };
  const xGap = xAfter && sameLine(xBefore.word, xAfter.word) ? lineSlice(xBefore.word, xBefore.offset, xAfter.offset) : '';
  let filler = lineSlice(yFrom.word, yFrom.offset, yTo.offset);
  // What the lost side kept of the gap (a comma, a space) is not inserted again.
  let at = xBefore.offset;
  const common = commonPrefix(xGap, filler);
  at += common;
  filler = filler.slice(common);
  const rest = xGap.slice(common);
  const tail = commonSuffix(rest, filler);
  filler = filler.slice(0, filler.length - tail);
  const lineText = xBefore.word.sentence.lineText;
  // A space the lost side has before the gap goes after the insertion: "in" + " 2014" + " of".
  if (/\s/.test(lineText[at - 1] ?? '') && /^\S/.test(filler)) {
    while (at > 0 && /\s/.test(lineText[at - 1] ?? '')) at--;
    filler = ` ${filler}`;
  }
  if (/\s/.test(lineText[at] ?? '') || at === lineText.length) filler = filler.trimEnd();
  else if (/[\p{L}\p{N}]/u.test(lineText[at] ?? '') && /[\p{L}\p{N}]$/u.test(filler)) filler = `${filler} `;
  if (!hasDigit(filler)) return undefined;
  const glued = at > 0 && at < lineText.length && !/\s/.test(lineText[at - 1] ?? '') && !/\s/.test(lineText[at] ?? '');
  return { kind: 'fill', lost, at: { source: xBefore.word.sentence.source, line: xBefore.word.sentence.line, offset: at }, lineText, sentence: xBefore.word.sentence, insert: filler, from: yFrom.word, left: leftWords, right: rightWords, glued };
}

/** A passage that stops on this word with no full stop ("…met twice a year until"): its end may be a loss. */
function endsAbruptly(last: Word): boolean {
  return !/^[^\p{L}\p{N}]*[.!?…:;]/u.test(last.sentence.lineText.slice(last.end));
}

/** The place where the last `n` kept characters of `words` begin. */
function startOfLastChars(words: readonly Word[], n: number): { word: Word; offset: number } | undefined {
  const total = words.reduce((s, w) => s + w.norm.length, 0);
  const at = total - n;
  if (at === 0) return words[0] && { word: words[0], offset: words[0].start };
  const found = offsetAfterChars(words, at);
  if (!found) return undefined;
  // At a word's end the remaining characters begin with the next word.
  if (found.offset === found.word.end) {
    const next = words[words.indexOf(found.word) + 1];
    return next && { word: next, offset: next.start };
  }
  return found;
}

const commonPrefix = (x: string, y: string): number => {
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  return i;
};
const commonSuffix = (x: string, y: string): number => {
  let i = 0;
  while (i < x.length && i < y.length && x[x.length - 1 - i] === y[y.length - 1 - i]) i++;
  return i;
};
