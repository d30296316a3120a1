import { createHash } from 'node:crypto';
import { slugify, slugWords } from './normalize.ts';

/**
 * Titles, slugs and anchor ids for drafts, all derived from the words of the text (never from
 * a position), so the same text always gets the same names and editing one section does not
 * rename another.
 */

// Capitalised words that open sentences or are too general to name a section.
const STOP = new Set([
  'the', 'a', 'an', 'in', 'on', 'at', 'to', 'for', 'of', 'by', 'it', 'its', 'this', 'these', 'those', 'they', 'their', 'we', 'our',
  'he', 'she', 'his', 'her', 'but', 'and', 'or', 'all', 'some', 'over', 'under', 'following', 'after', 'before', 'since', 'during',
  'when', 'while', 'however', 'there', 'such', 'many', 'most', 'both', 'as', 'with', 'from', 'until', 'if', 'so', 'also', 'other',
]);

// A capitalised word, an initial ("J.") or a dotted acronym ("U.S."); phrases join them.
const WORD = "(?:(?:\\p{Lu}\\.)+|\\p{Lu}[\\p{L}\\p{N}'’-]*)";
const PHRASE = new RegExp(`${WORD}(?: (?:of |and |the )?${WORD})*`, 'gu');

/** The capitalised phrases of a text ("Minsk Agreements", "South Ossetia"), leading stop words dropped. */
export function namedPhrases(text: string): string[] {
  const phrases: string[] = [];
  for (const m of text.matchAll(PHRASE)) {
    const all = m[0].replace(/['’]s$/, '').split(' ');
    // A capitalised stop word inside a run starts a new sentence ("with U. The United States").
    const cut = all.findIndex((w, k) => k > 0 && STOP.has(w.toLowerCase()) && /^\p{Lu}/u.test(w));
    const words = cut === -1 ? all : all.slice(0, cut);
    // A lone capitalised word opening a sentence is capitalised for the position, not as a name.
    const opensSentence = opensAt(text, m.index);
    while (words.length > 0 && STOP.has((words[0] ?? '').toLowerCase())) words.shift();
    if (words.length > 5) words.length = 5;
    while (words.length > 0 && (STOP.has((words.at(-1) ?? '').toLowerCase()) || /^(\p{Lu}\.)+$/u.test(words.at(-1) ?? '') && words.length > 1)) words.pop();
    const phrase = words.join(' ');
    if (words.length === 0 || /^\p{Lu}\.$/u.test(phrase) || phrase.length < 2 || (words.length === 1 && opensSentence && m[0].split(' ').length === 1)) continue;
    phrases.push(phrase);
  }
  return phrases;
}

/** True when position `i` starts the text or a sentence: only spaces, closing quotes and a stop before it. */
function opensAt(text: string, i: number): boolean {
  let k = i - 1;
  while (k >= 0 && (text[k] === ' ' || text[k] === '\n')) k--;
  while (k >= 0 && '"\'”’)'.includes(text[k] ?? '')) k--;
  return k < 0 || '.!?:;'.includes(text[k] ?? '');
}

/**
 * Picks the two phrases that best tell this section from the others: frequent here, rare
 * elsewhere (`documentFrequency` counts the sections each phrase occurs in, out of `total`).
 */
export function titleFor(phrases: readonly string[], documentFrequency: ReadonlyMap<string, number>, total: number): string | undefined {
  const counts = new Map<string, { count: number; first: number }>();
  phrases.forEach((p, i) => {
    const c = counts.get(p);
    if (c) c.count++;
    else counts.set(p, { count: 1, first: i });
  });
  const ranked = [...counts]
    .map(([phrase, { count, first }]) => ({ phrase, first, score: (count * Math.log((total + 1) / (documentFrequency.get(phrase) ?? 1)) + count * 1e-3) * (1 + 0.5 * (phrase.split(' ').length - 1)) }))
    .sort((a, b) => b.score - a.score || a.first - b.first);
  const chosen: string[] = [];
  for (const { phrase } of ranked) {
    if (chosen.some((c) => c.includes(phrase) || phrase.includes(c))) continue;
    chosen.push(phrase);
    if (chosen.length === 2) break;
  }
  return chosen.length ? chosen.join(', ') : undefined;
}

/** Hands out ids unique within one scope: the first free of `base`, `base-2`, `base-3`… */
export class IdScope {
  readonly #taken: Set<string>;
  /** Per base, the next number to try, so many equal bases stay linear. */
  readonly #next = new Map<string, number>();
  constructor(taken: Iterable<string> = []) {
    this.#taken = new Set(taken);
  }
  /** Claims the first free candidate, trying longer candidates before numbered ones. */
  claim(candidates: readonly string[]): string {
    const usable = candidates.filter((c) => c !== '');
    for (const c of usable) {
      if (!this.#taken.has(c)) {
        this.#taken.add(c);
        return c;
      }
    }
    const base = usable.at(-1) ?? 'x';
    for (let n = this.#next.get(base) ?? 2; ; n++) {
      const c = `${base}-${n}`;
      if (!this.#taken.has(c)) {
        this.#taken.add(c);
        this.#next.set(base, n + 1);
        return c;
      }
    }
  }
}

/** Candidate anchor ids for a paragraph: "p-" and its first 4, 6, 8 words; a hash of its text if it has no Latin words. */
export function paragraphIdCandidates(text: string): string[] {
  const words = slugWords(text);
  if (words.length === 0) return [`p-${createHash('sha256').update(text).digest('hex').slice(0, 8)}`];
  return [4, 6, 8].map((n) => `p-${words.slice(0, n).join('-')}`).filter((c, i, all) => all.indexOf(c) === i);
}

/** Candidate anchor ids for a heading: its first 6 words, prefixed "h-" when that would look like a paragraph id. */
export function headingIdCandidates(text: string): string[] {
  const slug = slugify(text, 6);
  if (slug === '') return [`h-${createHash('sha256').update(text).digest('hex').slice(0, 8)}`];
  return [slug.startsWith('p-') ? `h-${slug}` : slug];
}
