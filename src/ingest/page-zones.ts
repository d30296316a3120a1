import { isStopWord, WORDS } from './line-shape.ts';

/**
 * Where the text of a page begins and ends. Page furniture gathers before the first paragraph
 * (site name, banner, title, byline) and after the last (related links, footer); boilerplate
 * removers such as jusText find the text the same way, by runs of prose rather than phrases.
 */

/** How many non-blank lines around a prose line are looked at for another one. */
const NEAR = 3;

/**
 * First and last line (0-based) of the page's text: the first prose line with more prose among
 * the next few non-blank lines, and the last with more prose among the few before it. A lone
 * prose line stands for the text when there is no run. Undefined when no line is prose.
 */
export function bodyBounds(prose: readonly boolean[], blank: readonly boolean[]): { start: number; end: number } | undefined {
  const nonBlank = prose.flatMap((_, i) => (blank[i] ? [] : [i]));
  const proseAt = nonBlank.flatMap((i, k) => (prose[i] ? [k] : []));
  if (proseAt.length === 0) return undefined;
  const inRun = (k: number, dir: 1 | -1) => Array.from({ length: NEAR }, (_, d) => nonBlank[k + dir * (d + 1)]).some((i) => i !== undefined && prose[i]);
  const first = proseAt.find((k) => inRun(k, 1)) ?? proseAt[0] ?? 0;
  const last = [...proseAt].reverse().find((k) => inRun(k, -1)) ?? proseAt.at(-1) ?? first;
  return { start: nonBlank[first] ?? 0, end: nonBlank[Math.max(first, last)] ?? 0 };
}

/** The content words of a text (lower case, no function words), with their counts. */
export function contentWords(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (w.length < 3 || isStopWord(w)) continue;
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return counts;
}

// A page title often carries the site's name after a separator: "Title | Site", "Title - Site".
const SITE_SUFFIX = /\s+[|–—-]\s+/;

/**
 * Picks the page's title among the lines before its text: the line (or the part of it before or
 * after a " | Site" separator) whose words the text itself uses most, a mid-length line winning
 * a tie, then the one nearer the text. A page names what it is about; a site name, a document
 * label or a byline shares few words with the text.
 */
export function chooseTitle(candidates: readonly { index: number; text: string }[], body: ReadonlyMap<string, number>): { index: number; title: string } | undefined {
  let best: { index: number; title: string; score: number } | undefined;
  for (const { index, text } of candidates) {
    for (const part of text.split(SITE_SUFFIX)) {
      const words = [...contentWords(part).keys()];
      if (words.length === 0) continue;
      const shared = words.filter((w) => body.has(w)).length;
      const score = shared + (WORDS(part) >= 4 && WORDS(part) <= 14 ? 0.5 : 0);
      if (shared > 0 && (!best || score >= best.score)) best = { index, title: part.trim(), score };
    }
  }
  return best && { index: best.index, title: best.title };
}
