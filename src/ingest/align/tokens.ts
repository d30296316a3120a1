/**
 * A source text as the aligner sees it: sentences of words, each word with where it stands in
 * its line, so anything found by comparing words maps back to the exact characters scraped.
 */
import { splitSentences } from '../../lib/sentences.ts';

/** One word: its comparison form and where its characters are in the line. */
export interface Token {
  /** Lower-cased letters and digits only: what two sources are compared by. */
  norm: string;
  /** Offset of the first character in the line (UTF-16 units). */
  start: number;
  /** Offset after the last character in the line. */
  end: number;
}

/** One sentence of a source: the line it stands on, its characters and its words. */
export interface Sentence {
  /** Id of the source the sentence comes from. */
  source: string;
  /** 1-based line number in the source file. */
  line: number;
  /** The whole line, as scraped (offsets of tokens index into it). */
  lineText: string;
  /** Offsets of the sentence in the line. */
  start: number;
  end: number;
  tokens: Token[];
}

/** A source ready to align: its id and its sentences in text order. */
export interface AlignText {
  id: string;
  sentences: Sentence[];
}

/** Runs of letters and digits: "U.S." is two words, "6,President" is two, "9M729" is one. */
const WORD = /[\p{L}\p{N}]+/gu;

export const hasDigit = (s: string): boolean => /\p{N}/u.test(s);

/** The words of `text`, offsets counted from `offset`. */
export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = offset + (m.index ?? 0);
    tokens.push({ norm: m[0].toLowerCase(), start, end: start + m[0].length });
  }
  return tokens;
}

/** Splits a source text into sentences of words, line by line (a sentence never crosses a line); `keep` may skip lines. */
export function alignText(id: string, text: string, keep: (line: string) => boolean = () => true): AlignText {
  const sentences: Sentence[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((lineText, i) => {
    if (lineText.trim() === '' || !keep(lineText)) return;
    let at = 0;
    for (const piece of splitSentences(lineText)) {
      const tokens = tokenize(piece, at);
      if (tokens.length > 0) sentences.push({ source: id, line: i + 1, lineText, start: at, end: at + piece.length, tokens });
      at += piece.length;
    }
  });
  return { id, sentences };
}

/** The characters of a sentence as scraped. */
export const sentenceText = (s: Sentence): string => s.lineText.slice(s.start, s.end).trim();
