/**
 * An index of word shingles, so that a sentence finds the sentences that share passages with
 * it without being compared to every sentence: three consecutive words hash to one key.
 *
 * Words holding a digit are left out of the shingles: numbers are what a scraper loses, so
 * "following the 1917 Bolshevik Revolution" and "following the Bolshevik Revolution" share
 * every shingle. A shingle found in too many sentences ("one of the") says nothing and is dropped.
 */
import { hasDigit, type Sentence, type Token } from './tokens.ts';

export const SHINGLE_WORDS = 3;
/** A shingle held by more sentences than this is too common to point anywhere. */
const MAX_POSTINGS = 24;

/** 32-bit FNV-1a hash of a shingle's words. */
function hashWords(words: readonly string[]): number {
  let h = 0x811c9dc5;
  for (const w of words) {
    for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 0x20, 0x01000193);
  }
  return h >>> 0;
}

/** The distinct shingle keys of a sentence's words (digit-bearing words skipped). */
export function shingles(tokens: readonly Token[]): number[] {
  return shinglesOfWords(tokens.map((t) => t.norm));
}

/** The distinct shingle keys of lower-cased words (digit-bearing words skipped). */
export function shinglesOfWords(all: readonly string[]): number[] {
  const words = all.filter((w) => w !== '' && !hasDigit(w));
  const keys = new Set<number>();
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) keys.add(hashWords(words.slice(i, i + SHINGLE_WORDS)));
  return [...keys];
}

/** Sentences indexed by their shingles. */
export class ShingleIndex {
  readonly sentences: Sentence[] = [];
  readonly #postings = new Map<number, number[] | null>();

  /** How many distinct shingles each indexed sentence has. */
  readonly sizes: number[] = [];

  add(sentence: Sentence): void {
    const at = this.sentences.push(sentence) - 1;
    const keys = shingles(sentence.tokens);
    this.sizes.push(keys.length);
    for (const key of keys) {
      const list = this.#postings.get(key);
      if (list === null) continue;
      if (list === undefined) this.#postings.set(key, [at]);
      else if (list.length >= MAX_POSTINGS) this.#postings.set(key, null);
      else list.push(at);
    }
  }

  /** How many of `keys` some indexed sentence holds (a cheap test before comparing anything). */
  known(keys: readonly number[]): number {
    let n = 0;
    for (const key of keys) if (this.#postings.get(key)) n++;
    return n;
  }

  /**
   * Indexed sentences sharing at least `minShared` shingles with `tokens`, as indices into
   * {@link sentences} with their count of shared shingles, in index order.
   */
  query(tokens: readonly Token[], minShared = 2): { at: number; shared: number }[] {
    const counts = new Map<number, number>();
    for (const key of shingles(tokens)) {
      const list = this.#postings.get(key);
      if (!list) continue;
      for (const at of list) counts.set(at, (counts.get(at) ?? 0) + 1);
    }
    return [...counts].filter(([, n]) => n >= minShared).map(([at, shared]) => ({ at, shared })).sort((a, b) => a.at - b.at);
  }
}
