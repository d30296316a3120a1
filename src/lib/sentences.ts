/**
 * Sentences, one rule for the whole project: the ingest splits paragraphs with it, and pages
 * quote the sentence around a mention with it. A full stop ends a sentence only before white
 * space and a capital, digit or quote, and not after an abbreviation ("Dec.", "No. 5"), an
 * initial ("George H. W. Bush") or a dotted acronym ("U.S.").
 */
import { collapseWhitespace } from './text.ts';

// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'no', 'nos', 'vs', 'etc', 'e.g', 'i.e', 'gen', 'gov', 'sen', 'rep', 'col', 'lt', 'sgt',
  'capt', 'cmdr', 'adm', 'maj', 'inc', 'ltd', 'co', 'corp', 'jr', 'sr', 'approx', 'fig', 'p', 'pp', 'art', 'vol', 'ed', 'eds',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mt', 'ft', 'pres', 'amb', 'dept', 'est',
]);

/** Splits a paragraph into sentences without losing a character: joining the result gives the input back. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  const boundary = /([.!?…]+)(["'”’)\]]*)(\s+)(?=[\p{Lu}\p{N}"“'‘(\[])/gu;
  let start = 0;
  for (let m = boundary.exec(text); m !== null; m = boundary.exec(text)) {
    const end = m.index + (m[1]?.length ?? 0) + (m[2]?.length ?? 0);
    if (m[1] === '.' && !m[2] && isAbbreviation(text.slice(start, m.index))) continue;
    sentences.push(text.slice(start, end + (m[3]?.length ?? 0)));
    start = end + (m[3]?.length ?? 0);
  }
  if (start < text.length) sentences.push(text.slice(start));
  return sentences;
}

/** True when a full stop right after `before` marks an abbreviation, initial or acronym rather than a sentence end. */
export function isAbbreviation(before: string): boolean {
  const word = /(\S+)$/.exec(before)?.[1] ?? '';
  const bare = word.replace(/^["'“‘(\[]+/, '');
  if (/^\p{Lu}$/u.test(bare)) return true; // an initial, or a cut "U." (left for gap detection)
  if (/^(\p{L}\.)+\p{L}$/u.test(bare)) return true; // U.S, e.g, H.W
  return ABBREVIATIONS.has(bare.toLowerCase());
}

/** The whole sentence of `text` holding the characters from `start` to `end`, whitespace collapsed. */
export function sentenceAround(text: string, start: number, end: number = start): string {
  let from = 0;
  let to = text.length;
  let offset = 0;
  for (const sentence of splitSentences(text)) {
    const next = offset + sentence.length;
    if (next <= start) from = next;
    else if (next >= end) {
      to = next;
      break;
    }
    offset = next;
  }
  return collapseWhitespace(text.slice(from, to));
}
