/**
 * The lines of a source page (src/pages/sources/[id].astro) as one HTML string: each line as
 * scraped, its parts linked to the paragraphs holding them, repair marks, where the line lives or
 * why it was dropped, and the other sources that have it.
 *
 * Built as a hast tree (hastscript) and serialised by hast-util-to-html, which escapes every text
 * and attribute: a source page lists every line of its text, 58 MB of HTML at 5,000 sections, and
 * Astro's per-element rendering of the same markup took seconds on every edit of any section.
 */
import type { Element, ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { repairNoteId } from '../markdown/repairs.ts';
import type { DROP_REASONS } from '../schemas/source.ts';
import type { SharedWith } from './corroboration.ts';
import { placeLine, type LineCandidate, type LineSegment } from './source-map.ts';
import { relativeUrl, sectionIdPath, sourceLineAnchor, sourcePath, type PagePath } from './urls.ts';

type DropReason = (typeof DROP_REASONS)[number];

/** Why a line was dropped, as the page says it: one label for each reason the schema allows. */
const REASONS: Record<DropReason, string> = {
  'query-repeat': 'the search query, repeated', 'page-title': 'a page title pasted in', 'link-bullet': 'a link to another page',
  'site-banner': 'site banner', caption: 'a caption', byline: 'a byline', navigation: 'navigation text', debris: 'debris', blank: 'blank',
  contact: 'contact details', table: 'a table row', code: 'script or markup debris', 'page-header': 'page header', 'page-footer': 'page footer',
};
const reasonLabel = (reason: string): string => (reason in REASONS ? REASONS[reason as DropReason] : reason);

export interface SourceLinesInput {
  /** The source page's own path (links are relative to it). */
  path: PagePath;
  /** The scraped lines, in order (line n is `lines[n - 1]`). */
  lines: readonly string[];
  /** Dropped line -> reason. */
  dropped: ReadonlyMap<number, string>;
  /** Line -> the sections holding it. */
  holders: ReadonlyMap<number, readonly { id: string; title: string }[]>;
  /** Line -> the sections claiming it, with their paragraphs and repairs. */
  candidates: ReadonlyMap<number, readonly LineCandidate[]>;
  /** Line -> the other sources that have it. */
  shared: ReadonlyMap<number, readonly SharedWith[]>;
  sourceTitle: (id: string) => string;
  sectionTitle: (id: string) => string;
}

/** The `<li>` of every line, as HTML. */
export function sourceLinesHtml(input: SourceLinesInput): string {
  return toHtml(input.lines.map((text, i) => lineItem(input, text, i + 1)));
}

function lineItem(input: SourceLinesInput, text: string, n: number): Element {
  if (text.trim() === '') return h('li', { id: sourceLineAnchor(n), className: ['source-line', 'source-line--blank'], value: n }, [h('span', { className: ['visually-hidden'] }, 'blank line')]);
  const reason = input.dropped.get(n);
  const segments: LineSegment[] = reason ? [{ text, repairs: [] }] : placeLine(text, input.candidates.get(n) ?? []);
  const places = input.holders.get(n) ?? [];
  const shared = input.shared.get(n) ?? [];
  return h('li', { id: sourceLineAnchor(n), value: n, className: reason ? ['source-line', 'source-line--dropped'] : ['source-line'] }, [
    h('p', { className: ['source-line__text'] }, segments.flatMap((seg) => segment(input, seg))),
    h('p', { className: ['source-line__where'] }, reason
      ? [h('span', { className: ['badge', 'badge--dropped'] }, `dropped: ${reasonLabel(reason)}`)]
      : places.length
        ? ['In: ', ...places.flatMap((s, k) => [...(k > 0 ? [', '] : []), h('a', { href: relativeUrl(input.path, sectionIdPath(s.id)) }, s.title)])]
        : [h('span', { className: ['badge', 'badge--unplaced'] }, 'not yet placed in a section')]),
    ...(shared.length > 0 ? [h('p', { className: ['source-line__shared'] }, ['Also in: ', ...shared.flatMap((w, k) => [
      ...(k > 0 ? ['; '] : []),
      `${input.sourceTitle(w.source)}, `,
      ...w.lines.flatMap((l, j) => [...(j > 0 ? [', '] : []), h('a', { href: relativeUrl(input.path, sourcePath(w.source), sourceLineAnchor(l)) }, `line ${l}`)]),
    ])])] : []),
  ]);
}

/** A run of the line: plain text, or the paragraph's part with its repair marks and a link to where it lives. */
function segment(input: SourceLinesInput, seg: LineSegment): ElementContent[] {
  const place = seg.place;
  if (!place) return [{ type: 'text', value: seg.text }];
  const parts: ElementContent[] = [];
  let at = 0;
  for (const r of seg.repairs) {
    parts.push({ type: 'text', value: seg.text.slice(at, r.at) }, repairMark(input, place.sectionId, r));
    at = r.at;
  }
  parts.push({ type: 'text', value: seg.text.slice(at) });
  return [
    h('span', { className: ['source-segment'], dataSection: place.sectionId, dataParagraph: place.paragraphId }, parts),
    h('a', { className: ['source-segment__where'], dataEditorial: true, href: relativeUrl(input.path, sectionIdPath(place.sectionId), place.paragraphId) }, [
      h('span', { ariaHidden: 'true' }, '→ '),
      h('span', { className: ['visually-hidden'] }, 'This part is in: '),
      input.sectionTitle(place.sectionId),
    ]),
  ];
}

/** The editorial mark of a repair: what was restored, or that something was lost, linking to its note. */
function repairMark(input: SourceLinesInput, sectionId: string, mark: LineSegment['repairs'][number]): Element {
  const restored = mark.repair.insert !== undefined;
  return h('a', {
    className: ['source-repair', restored ? 'source-repair--restored' : 'source-repair--gap'],
    dataEditorial: true,
    href: relativeUrl(input.path, sectionIdPath(sectionId), repairNoteId(mark.index)),
    title: restored ? `Restored by the editors, not in the scraped text (confidence ${mark.repair.confidence})` : `Editorial note: something was lost here (confidence ${mark.repair.confidence})`,
  }, restored
    ? [h('span', { className: ['visually-hidden'] }, 'Restored, not in the scraped text: '), `+${(mark.repair.insert ?? '').trim()}`]
    : [h('span', { className: ['visually-hidden'] }, 'Editorial note: '), 'lost']);
}
