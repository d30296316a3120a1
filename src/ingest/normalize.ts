import { collapseWhitespace } from '../lib/text.ts';

/**
 * Comparing lines and words the way a reader does: zero-width characters removed, every run of
 * whitespace (non-breaking spaces included) one space, ends trimmed. Only for comparison and
 * matching; the text written out stays as scraped.
 */
export function normalizeSpace(text: string): string {
  return collapseWhitespace(text.replace(/[\u200b-\u200d\u2060\ufeff]/g, ''));
}

/** Lower-case words joined by single hyphens, at most `maxWords` of them: slugs and anchor ids. */
export function slugify(text: string, maxWords = 6): string {
  return slugWords(text).slice(0, maxWords).join('-');
}

/** The words of `text` as slug parts: accents folded, lower case, letters and digits only. */
export function slugWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

/** Words that end a sentence, or stand alone without ending one, judged by their last character. */
export const endsSentence = (text: string): boolean => /[.!?;:…]["'”’)\]]*$/.test(text.trim());
