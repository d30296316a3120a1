import nlp from 'compromise';
import { splitSentences } from '../lib/sentences.ts';
import { collapseWhitespace } from '../lib/text.ts';
import type { Block } from './segment.ts';
import { blockText } from './segment.ts';

/**
 * A draft's title and summary, from its own words: its heading line when it has one, else the
 * key phrase of its first sentence (the subject, or the subject and what it did when the subject
 * alone says too little); the summary is the opening sentence or two.
 */

const TITLE_WORDS = 9;
const SUMMARY_MAX = 400;
/** Characters of the first sentence the key phrase is sought in: a title never needs more. */
const FIRST_SENTENCE = 200;
const DANGLING = new Set(['the', 'a', 'an', 'of', 'in', 'on', 'at', 'to', 'for', 'by', 'and', 'or', 'but', 'with', 'from', 'that', 'which', 'its', 'their', 'as']);

interface Term { text: string; post: string; tags: string[] }

/** The title of a draft made of `blocks`, or undefined when it has no words to make one from. */
export function draftTitle(blocks: readonly Block[]): string | undefined {
  const heading = blocks.find((b) => b.kind === 'heading');
  if (heading) {
    const text = collapseWhitespace(blockText(heading)).replace(/\s*\[[^\]]*\]$/, '').replace(/[:.]$/, '');
    if (/\p{L}/u.test(text)) return text;
  }
  const first = blocks.find((b) => b.kind === 'paragraph');
  const sentence = first ? splitSentences(collapseWhitespace(blockText(first)))[0] : undefined;
  return sentence ? keyPhrase(sentence.slice(0, FIRST_SENTENCE)) : undefined;
}

/** The key phrase of a sentence: its subject when that has three words or more, else subject, verb and object. */
export function keyPhrase(sentence: string): string | undefined {
  const json = nlp(sentence).json() as { terms: Term[] }[];
  let terms = json.flatMap((s) => s.terms);
  // The subject starts after any opening phrase set off by a comma ("At the Wales Summit on 4–5 September 2014, allied leaders").
  const verbAt = terms.findIndex((t) => t.tags.includes('Verb') && !t.tags.includes('Auxiliary'));
  const lastComma = terms.slice(0, verbAt === -1 ? terms.length : verbAt).findLastIndex((t) => /[,;:]/.test(t.post));
  if (lastComma !== -1) terms = terms.slice(lastComma + 1);
  terms = withoutDates(terms);
  const verb = terms.findIndex((t) => t.tags.includes('Verb'));
  const subject = verb === -1 ? [] : terms.slice(0, verb).filter((t) => !t.tags.includes('Auxiliary'));
  const words = subject.filter((t) => !t.tags.includes('Determiner')).length >= 3 && subject.length <= TITLE_WORDS ? subject : untilPunctuation(terms);
  while (words.length && DANGLING.has(words[0]?.text.toLowerCase() ?? '') && words[0]?.tags.includes('Determiner')) words.shift();
  while (words.length && DANGLING.has(words.at(-1)?.text.toLowerCase() ?? '')) words.pop();
  const phrase = words.map((t, i) => t.text + (i < words.length - 1 ? (/[-–]/.test(t.post) ? t.post.trim() : ' ') : '')).join('').trim();
  if (!/\p{L}{2}/u.test(phrase)) return undefined;
  return phrase.charAt(0).toUpperCase() + phrase.slice(1);
}

/** Drops date expressions and the preposition before them ("in March 2014", "On 4 December"). */
function withoutDates(terms: Term[]): Term[] {
  const isDate = (t: Term | undefined) => !!t && (t.tags.includes('Date') || t.tags.includes('Month') || t.tags.includes('Year') || (t.tags.includes('Value') && /^\d/.test(t.text)));
  return terms.filter((t, i) => !isDate(t) && !(t.tags.includes('Preposition') && isDate(terms[i + 1])));
}

/** The words up to the first clause punctuation, at most {@link TITLE_WORDS}. */
function untilPunctuation(terms: Term[]): Term[] {
  const out: Term[] = [];
  for (const t of terms) {
    out.push(t);
    if (out.length >= TITLE_WORDS || /[,;:.!?()]/.test(t.post)) break;
  }
  return out;
}

/** The opening sentence or two of a draft's text, within 400 characters; never a note about the draft itself. */
export function draftSummary(text: string): string {
  const sentences = splitSentences(collapseWhitespace(text.slice(0, 3000))).map((s) => s.trim()).filter(Boolean);
  const first = sentences[0] ?? collapseWhitespace(text);
  if (first.length > SUMMARY_MAX) return `${first.slice(0, SUMMARY_MAX - 1).replace(/\s+\S*$/, '')}…`;
  const two = sentences[1] ? `${first} ${sentences[1]}` : first;
  return two.length <= SUMMARY_MAX ? two : first;
}
