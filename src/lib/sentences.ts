/**
 * The sentence around a position in a paragraph, for showing a mention in context. A full stop
 * ends a sentence only when followed by space and a capital, digit or quote, and not when it
 * follows a lone capital (an initial, as in "George H. W. Bush"), so "U.S. in" stays one sentence.
 */

const END = /[.!?]["'”’)\]]*\s+(?=["'“‘(\[]?[\p{Lu}\p{N}])/gu;

/** Offsets just after each sentence end in `text`. */
function sentenceStarts(text: string): number[] {
  const starts: number[] = [];
  for (const match of text.matchAll(END)) {
    const at = match.index;
    const before = text.slice(Math.max(0, at - 2), at);
    if (/(^|[\s.])\p{Lu}$/u.test(before)) continue;
    starts.push(at + match[0].length);
  }
  return starts;
}

/** The whole sentence of `text` holding the characters from `start` to `end`, whitespace collapsed. */
export function sentenceAround(text: string, start: number, end: number = start): string {
  let from = 0;
  let to = text.length;
  for (const s of sentenceStarts(text)) {
    if (s <= start) from = s;
    else if (s >= end) {
      to = s;
      break;
    }
  }
  return text.slice(from, to).replace(/\s+/g, ' ').trim();
}
