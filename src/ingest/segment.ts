import type { LineVerdict } from './clean.ts';
import { endsSentence, normalizeSpace } from './normalize.ts';
import { isAbbreviation, splitSentences } from '../lib/sentences.ts';

/** A block of kept text: a heading (one short line) or a paragraph (one or more lines). */
export interface Block {
  kind: 'heading' | 'paragraph';
  /** The block's source lines, each as scraped. */
  lines: { line: number; text: string }[];
}

/** The text of a block as one string: its lines trimmed and joined by a newline. */
export const blockText = (block: Block): string => block.lines.map((l) => l.text.trim()).join('\n');

const HEADING_MAX_WORDS = 8;

/**
 * Groups kept lines into paragraphs. A blank or dropped line always ends a paragraph. Inside a
 * run of lines, a line starts a new paragraph when the one before ends a sentence (texts with
 * one paragraph per line), and continues it otherwise (hard-wrapped texts). A short line that
 * ends no sentence and stands on its own is a heading.
 */
export function segmentBlocks(verdicts: readonly LineVerdict[]): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  for (let i = 0; i < verdicts.length; i++) {
    const v = verdicts[i];
    if (!v) continue;
    if (v.kind !== 'text') {
      current = undefined;
      continue;
    }
    const text = v.text.length > 200 ? v.text : normalizeSpace(v.text);
    const previousEnded = current === undefined || current.kind === 'heading' || endsLine(current.lines.at(-1)?.text ?? '');
    if (previousEnded && isHeadingLike(text) && !continuesLowercase(verdicts[i + 1])) {
      blocks.push({ kind: 'heading', lines: [{ line: v.line, text: v.text }] });
      current = blocks.at(-1);
      continue;
    }
    if (current === undefined || current.kind === 'heading' || previousEnded) {
      current = { kind: 'paragraph', lines: [] };
      blocks.push(current);
    }
    current.lines.push({ line: v.line, text: v.text });
  }
  return blocks.flatMap(splitLongParagraph);
}

/** Paragraphs longer than this are split at sentence ends, so that no section grows without bound. */
export const MAX_PARAGRAPH_CHARS = 4000;

/**
 * Splits an over-long paragraph into paragraphs of whole lines, and an over-long line into
 * pieces of whole sentences (a piece keeps its line number), each at most
 * {@link MAX_PARAGRAPH_CHARS} unless one sentence alone is longer. Nothing is lost or reordered.
 */
function splitLongParagraph(block: Block): Block[] {
  if (block.kind === 'heading' || block.lines.reduce((n, l) => n + l.text.length, 0) <= MAX_PARAGRAPH_CHARS) return [block];
  const out: Block[] = [];
  let current: Block = { kind: 'paragraph', lines: [] };
  let size = 0;
  const push = (piece: { line: number; text: string }) => {
    if (size > 0 && size + piece.text.length > MAX_PARAGRAPH_CHARS) {
      out.push(current);
      current = { kind: 'paragraph', lines: [] };
      size = 0;
    }
    current.lines.push(piece);
    size += piece.text.length;
  };
  for (const l of block.lines) {
    if (l.text.length <= MAX_PARAGRAPH_CHARS) {
      push(l);
      continue;
    }
    // Whole sentences per piece: start a new paragraph for each piece of a long line.
    let piece = '';
    for (const sentence of splitSentences(l.text)) {
      if (piece !== '' && piece.length + sentence.length > MAX_PARAGRAPH_CHARS) {
        push({ line: l.line, text: piece });
        piece = '';
        size = MAX_PARAGRAPH_CHARS; // the next piece opens a paragraph of its own
      }
      piece += sentence;
    }
    if (piece.trim() !== '') push({ line: l.line, text: piece });
    size = MAX_PARAGRAPH_CHARS;
  }
  if (current.lines.length > 0) out.push(current);
  return out;
}

/** True when a line ends a sentence: final punctuation that is not an abbreviation's or an initial's full stop. */
function endsLine(text: string): boolean {
  const t = text.trim();
  if (!endsSentence(t)) return false;
  return !(t.endsWith('.') && isAbbreviation(t.slice(0, -1)));
}

function isHeadingLike(text: string): boolean {
  return text.length <= 120 && text.split(' ').length <= HEADING_MAX_WORDS && !endsSentence(text) && /^[\p{Lu}\p{N}"“']/u.test(text);
}

function continuesLowercase(next: LineVerdict | undefined): boolean {
  return next?.kind === 'text' && /^[\s\u200b-\u200d\u2060\ufeff]*\p{Ll}/u.test(next.text);
}

