/**
 * Where each part of a scraped line lives: the paragraphs of the sections that claim the line
 * (by their `lines`) are found in it, so the source page can link each part to its paragraph and
 * mark where a repair restores or flags something. Text no paragraph holds stays unlinked.
 */
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

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Finds `needle` in `line`, letting any whitespace run in one match any in the other. */
function locate(line: string, needle: string): { start: number; end: number } | undefined {
  const words = needle.split(/\s+/).filter(Boolean);
  if (words.length === 0) return undefined;
  const match = new RegExp(words.map(escape).join('\\s+')).exec(line);
  return match ? { start: match.index, end: match.index + match[0].length } : undefined;
}

/** Splits `line` into segments held by the candidates' paragraphs, in line order. */
export function placeLine(line: string, candidates: readonly LineCandidate[]): LineSegment[] {
  type Span = { start: number; end: number; candidate: LineCandidate; paragraphId: string };
  const spans: Span[] = [];
  for (const candidate of candidates) {
    for (const p of candidate.paragraphs) {
      const found = locate(line, p.text);
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
    const found = locate(text, repair.after);
    if (found) out.push({ at: found.end, index, repair });
  });
  return out.sort((a, b) => a.at - b.at);
}
