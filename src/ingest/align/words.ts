/**
 * Words of one or more sentences in a row, each knowing its line, so that a comparison made on
 * words can be turned back into exact characters of the scraped text.
 */
import type { Sentence } from './tokens.ts';

/** One word of a run: its comparison form and its place in the source. */
export interface Word {
  norm: string;
  sentence: Sentence;
  start: number;
  end: number;
}

/** The words of consecutive sentences, in order. */
export const wordsOf = (sentences: readonly Sentence[]): Word[] =>
  sentences.flatMap((sentence) => sentence.tokens.map((t) => ({ norm: t.norm, sentence, start: t.start, end: t.end })));

/** The scraped characters from `start` to `end` of one line. */
export const lineSlice = (w: Word, start: number, end: number): string => w.sentence.lineText.slice(start, end);

/** Two words stand on the same line of the same source (so the text between them is one piece). */
export const sameLine = (a: Word, b: Word): boolean => a.sentence.source === b.sentence.source && a.sentence.line === b.sentence.line;

/**
 * The offset in the line of the character `chars` letters/digits into the words `words`
 * (counting only what `norm` keeps), or the end of the last word when `chars` reaches the end.
 */
export function offsetAfterChars(words: readonly Word[], chars: number): { word: Word; offset: number } | undefined {
  let left = chars;
  for (const w of words) {
    if (left < w.norm.length) return { word: w, offset: w.start + rawIndexOf(w, left) };
    left -= w.norm.length;
    if (left === 0) return { word: w, offset: w.end };
  }
  return undefined;
}

/** Index in the word's raw characters of its `n`-th kept character (norm drops nothing inside a word, so it is `n`, but case folding may change lengths). */
function rawIndexOf(w: Word, n: number): number {
  const raw = w.sentence.lineText.slice(w.start, w.end);
  if (raw.length === w.norm.length) return n;
  let kept = 0;
  for (let i = 0; i < raw.length; i++) {
    if (kept === n) return i;
    kept += (raw[i] ?? '').toLowerCase().length;
  }
  return raw.length;
}
