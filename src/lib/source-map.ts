/**
 * Where each part of a scraped line lives: the paragraphs of the sections that claim the line
 * (by their `lines`) are found in it, so the source page can link each part to its paragraph and
 * mark where a repair restores or flags something. Text no paragraph holds stays unlinked.
 */
import { boundedMemo } from './bounded-memo.ts';
import type { ParagraphRecord } from '../markdown/analyse-section.ts';
import type { Repair } from '../schemas/repair.ts';

/** A section that claims a line, with what the link graph knows of its paragraphs and repairs. */
export interface LineCandidate {
  sectionId: string;
  paragraphs: readonly ParagraphRecord[];
  repairs: readonly Repair[];
  /** Repair index -> paragraph holding its mark. */
  repairParagraphs: ReadonlyMap<number, string>;
}

/** A repair inside a segment: `at` is the offset in the segment's text right after its `after` words. */
export interface SegmentRepair {
  at: number;
  index: number;
  repair: Repair;
}

/** A run of a line: held by a paragraph (`place`) or by none. `text` is the line's own characters. */
export interface LineSegment {
  text: string;
  place?: { sectionId: string; paragraphId: string };
  repairs: SegmentRepair[];
}

/**
 * Text with each whitespace run collapsed to one space, and the index in the original of each
 * kept character; `at` is null when nothing collapsed (every whitespace a single space), the
 * common case, so indexes are the same in both.
 */
interface Collapsed {
  text: string;
  at: number[] | null;
}

function collapse(text: string): Collapsed {
  if (!/ \s|[^\S ]/.test(text)) return { text, at: null };
  let out = '';
  const at: number[] = [];
  for (const run of text.matchAll(/\s+|\S+/g)) {
    if (/^\s/.test(run[0])) {
      out += ' ';
      at.push(run.index);
    } else {
      out += run[0];
      for (let i = 0; i < run[0].length; i++) at.push(run.index + i);
    }
  }
  return { text: out, at };
}

/** The last needles collapsed (a repair's words are looked for in each paragraph part of its line). */
const needles = boundedMemo<string>(256);
/** Whether trimming and joining whitespace runs into one space changes a text. */
const COLLAPSIBLE = /^\s|\s$|\s\s|[^\S ]/;
const collapseText = (text: string): string => (COLLAPSIBLE.test(text) ? text.trim().replace(/\s+/g, ' ') : text);

/** `needle` trimmed, each whitespace run one space (a text that is so already comes back as it is, not copied). */
export function collapsedNeedle(needle: string): string {
  return needles(needle, () => collapseText(needle));
}

/**
 * Each paragraph's text collapsed, once per paragraph: a section's paragraphs are looked for in
 * every line it claims (at 5,000 sections 180,000 searches for 30,000 paragraphs), and a cache
 * keyed by the text itself lost most of them.
 */
const paragraphNeedles = new WeakMap<ParagraphRecord, string>();

function paragraphNeedle(paragraph: ParagraphRecord): string {
  let joined = paragraphNeedles.get(paragraph);
  if (joined === undefined) {
    joined = collapseText(paragraph.text);
    paragraphNeedles.set(paragraph, joined);
  }
  return joined;
}

/**
 * Finds `joined` (a needle as {@link collapsedNeedle} gives it) in `line`, letting any whitespace
 * run in one match any in the other. A plain search in whitespace-collapsed text, not a RegExp
 * built per paragraph: V8 compiles every new pattern, which cost about 20 s per 1,000 sections on
 * the source page (issue 8).
 */
function locate(line: string | Collapsed, joined: string): { start: number; end: number } | undefined {
  if (joined === '') return undefined;
  const hay = typeof line === 'string' ? collapse(line) : line;
  const found = hay.text.indexOf(joined);
  const start = hay.at ? hay.at[found] : found;
  const last = hay.at ? hay.at[found + joined.length - 1] : found + joined.length - 1;
  return found === -1 || start === undefined || last === undefined ? undefined : { start, end: last + 1 };
}

/** Splits `line` into segments held by the candidates' paragraphs, in line order. */
export function placeLine(line: string, candidates: readonly LineCandidate[]): LineSegment[] {
  type Span = { start: number; end: number; candidate: LineCandidate; paragraphId: string };
  const spans: Span[] = [];
  const collapsed = collapse(line);
  for (const candidate of candidates) {
    for (const p of candidate.paragraphs) {
      const found = locate(collapsed, paragraphNeedle(p));
      if (found) spans.push({ ...found, candidate, paragraphId: p.id });
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const segments: LineSegment[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue;
    if (span.start > at) segments.push({ text: line.slice(at, span.start), repairs: [] });
    const text = line.slice(span.start, span.end);
    segments.push({ text, place: { sectionId: span.candidate.sectionId, paragraphId: span.paragraphId }, repairs: repairsIn(text, span.candidate, span.paragraphId) });
    at = span.end;
  }
  if (at < line.length) segments.push({ text: line.slice(at), repairs: [] });
  return segments;
}

function repairsIn(text: string, candidate: LineCandidate, paragraphId: string): SegmentRepair[] {
  const out: SegmentRepair[] = [];
  candidate.repairs.forEach((repair, index) => {
    if (candidate.repairParagraphs.get(index) !== paragraphId) return;
    const found = locate(text, collapsedNeedle(repair.after));
    if (found) out.push({ at: found.end, index, repair });
  });
  return out.sort((a, b) => a.at - b.at);
}
