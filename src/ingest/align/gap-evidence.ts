/**
 * Whether a compared passage contradicts a fill: it holds the words on both sides of the gap
 * next to each other, with nothing between. In repetitive text a diff can pair a sentence with a
 * passage that shares a few words by chance ("U.S. 1, the naïve" against "U.S. the { naïve"), and
 * would fill a gap that the sentence's real copy shows is not there.
 */
import type { Fill } from './hunks.ts';
import type { Sentence } from './tokens.ts';
import type { Word } from './words.ts';

/** Words each side of the gap that a contradicting passage must hold in a row. */
const CONTEXT_WORDS = 2;

/** The words of the filled sentence around the gap: up to two before, any word the gap cuts, up to two after. */
export function wordsAroundGap(f: Fill): string[] {
  const tokens = f.sentence.tokens;
  const o = f.at.offset;
  const before = tokens.filter((t) => t.end <= o).slice(-CONTEXT_WORDS);
  const cut = tokens.filter((t) => t.start < o && t.end > o);
  const after = tokens.filter((t) => t.start >= o).slice(0, CONTEXT_WORDS);
  return [...before, ...cut, ...after].map((t) => t.norm);
}

/** True when `words` holds `run` as consecutive words. */
export function holdsRun(words: readonly Word[], run: readonly string[]): boolean {
  if (run.length === 0) return false;
  outer: for (let i = 0; i + run.length <= words.length; i++) {
    for (let k = 0; k < run.length; k++) if (words[i + k]?.norm !== run[k]) continue outer;
    return true;
  }
  return false;
}

/** The passages each sentence was compared with, gathered while aligning. */
export class ComparedPassages {
  readonly #by = new Map<Sentence, Word[][]>();

  add(sentence: Sentence, passage: Word[]): void {
    const list = this.#by.get(sentence);
    if (list) list.push(passage);
    else this.#by.set(sentence, [passage]);
  }

  /** Some passage compared with the filled sentence holds its words around the gap with no gap. */
  contradicts(f: Fill): boolean {
    const run = wordsAroundGap(f);
    // Fewer than a word each side says nothing about a gap.
    if (run.length < 2) return false;
    return (this.#by.get(f.sentence) ?? []).some((p) => holdsRun(p, run));
  }
}
