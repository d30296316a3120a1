/**
 * Gap detection: where the scraper probably lost text. The shapes are those described in
 * /work/shared/reference/provenance.md (digits deleted with the comma, space or full stop beside
 * them): each rule finds one shape and says where the loss sits. Ingest turns each gap into a
 * candidate repair with a note and no value: nothing is invented.
 */

/** One place where text was probably lost. */
export interface Gap {
  /** Index in the paragraph text right after which the loss sits (a repair's `after` ends here). */
  end: number;
  /** Which shape was found. */
  kind: GapKind;
  /** What the shape suggests was lost, in words an editor can check. */
  note: string;
}

export type GapKind =
  | 'glued-words' | 'preposition-before-capital' | 'preposition-before-preposition' | 'date-without-year'
  | 'number-cut' | 'code-cut' | 'sentence-cut' | 'dangling-word' | 'splice';

const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
// Whole words that start with a month or a preposition and are not glued.
const REAL_WORDS = new Set(['mayor', 'maybe', 'mayhem', 'marching', 'marched', 'marches', 'marcher', 'augusta', 'augustine', 'inaugurated', 'inactivated', 'inebriated', 'inundated', 'inoculated', 'inured', 'onto', 'into']);
// Capitalised words that open a sentence rather than a name ("in Until"); an article counts only
// before a lower-case word, since "in The Hague" is a name.
const OPENERS = '(?:The|A|An)(?= \\p{Ll})|Until|In|On|At|This|These|Those|It|Its|They|We|He|She|To|For|With|Following|After|Before|Since|During|When|While|However|Some|Over|Under|Both|All|Many|Most|Such|There|Their|Our';
const DIGIT_CODES = new Set(['2D', '3D', '4K', '8K', '2G', '3G', '4G', '5G', '1080P']);
// After these, a short capitalised code starts a name ("the INF Treaty"), not a cut designation.
const FUNCTION_WORDS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'this', 'that', 'of', 'and', 'or', 'with', 'by', 'for', 'to', 'in', 'on', 'at']);
const COMMON_ACRONYMS = new Set(['US', 'UK', 'EU', 'UN', 'TV', 'AM', 'PM', 'AD', 'BC', 'OK']);

interface Rule {
  kind: GapKind;
  pattern: RegExp;
  /** Index where the loss sits, from the match; undefined rejects the match. */
  at: (m: RegExpExecArray) => number | undefined;
  note: (m: RegExpExecArray) => string;
}

const quote = (s: string | undefined): string => `“${s ?? ''}”`;
const start = (m: RegExpExecArray, group: number): number => m.index + (m[0].indexOf(m[group] ?? '') >= 0 ? m[0].indexOf(m[group] ?? '') : 0);
const after = (m: RegExpExecArray, group: number): number => start(m, group) + (m[group]?.length ?? 0);

/** The rules, in the order their findings win when two point at the same place. */
export const GAP_RULES: readonly Rule[] = [
  {
    kind: 'glued-words',
    pattern: new RegExp(`\\b(${MONTH})(\\p{Ll}{2,})\\b`, 'gu'),
    at: (m) => (REAL_WORDS.has(m[0].toLowerCase()) ? undefined : after(m, 1)),
    note: (m) => `${quote(m[0])} glues a month to the next word: a number (often a year) and the comma or space after it were probably lost.`,
  },
  {
    kind: 'glued-words',
    pattern: /\b(in|on|of|by|at|since|until|from)(the|was|were|is|are|an|and|which|when|with|its|his|their|this|that|these|those|it|has|had|have|for)\b/g,
    at: (m) => (REAL_WORDS.has(m[0]) ? undefined : after(m, 1)),
    note: (m) => `${quote(m[0])} glues a preposition to the next word: a number (often a year) after ${quote(m[1])} was probably lost.`,
  },
  {
    kind: 'glued-words',
    pattern: /\b(in)([aeiou]\p{Ll}*ed)\b/gu,
    at: (m) => (REAL_WORDS.has(m[0]) ? undefined : after(m, 1)),
    note: (m) => `${quote(m[0])} reads as ${quote(m[1])} glued to ${quote(m[2])}: a number (often a year) was probably lost between them.`,
  },
  {
    kind: 'glued-words',
    pattern: /\b(\p{Lu}{2,})(\p{Ll}{3,})\b/gu,
    at: (m) => after(m, 1),
    note: (m) => `${quote(m[0])} glues an abbreviation to the next word: punctuation (a bracket or comma) was probably lost.`,
  },
  {
    kind: 'preposition-before-capital',
    pattern: new RegExp(`\\b(${MONTH}) (?=\\p{Lu}(?:\\p{Ll}|\\s))(?!${MONTH}\\b)`, 'gu'),
    at: (m) => after(m, 1),
    note: (m) => `${quote(m[1])} is followed by a new sentence: the year and the full stop were probably lost.`,
  },
  {
    kind: 'preposition-before-capital',
    pattern: new RegExp(`\\b(in|of|by|since|until|from|during) ((?:${OPENERS})(?![\\p{L}])|(?!${MONTH})\\p{Lu}\\p{Ll}+ed\\b|\\p{Lu}\\p{Ll}+-\\p{Ll})`, 'gu'),
    at: (m) => after(m, 1),
    note: (m) => `${quote(m[1])} is followed by a new sentence or heading: a date or number (and a full stop) was probably lost.`,
  },
  {
    kind: 'preposition-before-preposition',
    pattern: /\b(in|on) (?:of|by|for|at|on|in|from|with|was|were|is|are)\b/g,
    at: (m) => after(m, 1),
    note: (m) => `${quote(m[0])}: a preposition with nothing after it; a date or number (often a year) was probably lost.`,
  },
  {
    kind: 'date-without-year',
    pattern: new RegExp(`\\b${MONTH} \\d{1,2},(?!\\s*\\d)`, 'gu'),
    at: (m) => m.index + m[0].length,
    note: (m) => `${quote(m[0])} has a day but no year: the year was probably lost after the comma.`,
  },
  {
    kind: 'glued-words',
    pattern: /(\p{Ll}),(?=\p{L})/gu,
    at: (m) => m.index + m[0].length,
    note: () => 'A comma with no space after it: a number and its space were probably lost here.',
  },
  {
    kind: 'number-cut',
    pattern: /\b(\d{1,2}),\s+(?!(?:and|or|which|where|when|who)\b)(?=\p{Ll})/gu,
    at: (m) => after(m, 1) + 1,
    note: (m) => `${quote(`${m[1] ?? ''},`)} is followed by a word, not digits: the rest of a number such as ${quote(`${m[1] ?? ''},000`)} was probably lost.`,
  },
  {
    kind: 'code-cut',
    pattern: /\b(\d+\p{Lu}+)(?=[,.;:]?(?:\s|$))/gu,
    at: (m) => (DIGIT_CODES.has(m[1] ?? '') ? undefined : after(m, 1)),
    note: (m) => `${quote(m[1])} looks like a designation whose trailing digits were lost.`,
  },
  {
    kind: 'code-cut',
    // After a noun ("flight MH"), not after an article or preposition ("the INF Treaty").
    pattern: /\b(\p{Ll}+) (\p{Lu}{2,3}) (?=\p{Lu}\p{Ll})/gu,
    at: (m) => (COMMON_ACRONYMS.has(m[2] ?? '') || FUNCTION_WORDS.has(m[1] ?? '') ? undefined : m.index + m[0].length - 1),
    note: (m) => `${quote(m[2])} is followed by a new sentence: a number ending the designation and the full stop were probably lost.`,
  },
  {
    kind: 'sentence-cut',
    pattern: /\b(\p{Ll}+) (\p{Lu})\.(?=\s+\p{Lu}|\s*$)/gu,
    at: (m) => (m[1] === 'by' ? undefined : m.index + m[0].length),
    note: (m) => `The sentence breaks off at ${quote(`${m[2] ?? ''}.`)}: the rest of an abbreviation (such as “U.S.”) and of the sentence was probably lost.`,
  },
  {
    kind: 'dangling-word',
    pattern: /\b(and|or|the|of|to|with|for|an|by)\.(?=\s|$)/g,
    at: (m) => after(m, 1),
    note: (m) => `The sentence ends on ${quote(m[1])}: the words after it were probably lost.`,
  },
  {
    kind: 'splice',
    pattern: /\b(more|less|worse|better) (?=(?:how|what|who|where|why)\b)/g,
    at: (m) => after(m, 1),
    note: (m) => `${quote(m[0].trim())} does not continue: two texts were probably spliced here.`,
  },
];

/**
 * Finds the probable losses in one paragraph, in text order. Two findings within the same
 * word are one loss; the earlier rule in {@link GAP_RULES} names it.
 */
export function detectGaps(text: string): Gap[] {
  const found: Gap[] = [];
  for (const rule of GAP_RULES) {
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(text); m !== null; m = rule.pattern.exec(text)) {
      const end = rule.at(m);
      if (end !== undefined) found.push({ end, kind: rule.kind, note: rule.note(m) });
      if (m[0] === '') rule.pattern.lastIndex++;
    }
  }
  const sorted = found.map((g, order) => ({ g, order })).sort((a, b) => a.g.end - b.g.end || a.order - b.order);
  const gaps: Gap[] = [];
  for (const { g } of sorted) {
    const last = gaps.at(-1);
    if (last && !/\s/.test(text.slice(last.end, g.end)) && g.end - last.end <= 2) continue;
    gaps.push(g);
  }
  return gaps;
}
