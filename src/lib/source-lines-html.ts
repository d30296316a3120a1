/**
 * The lines of a source page (src/pages/sources/[id].astro) as one HTML string: each line as
 * scraped, its parts linked to the paragraphs holding them, repair marks, where the line lives or
 * why it was dropped, and the other sources that have it.
 *
 * Written as strings, every scraped text and attribute escaped by `entities` (the escaper
 * htmlparser2 and parse5 use): a source page lists every line of its text, 58 MB of HTML at 5,000
 * sections, rendered again whenever a section of its source changes. Astro's per-element
 * rendering of the same markup took seconds; a hast tree (hastscript + hast-util-to-html) still
 * took 3.8 s of the 5 s this took at 5,000 sections; strings take a fraction of that
 * (docs/performance.md). tests/site/source-lines-html.test.ts parses the output of arbitrary lines.
 */
import { escapeAttribute, escapeText } from 'entities';
import { boundedMemo } from './bounded-memo.ts';
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

/** Attributes in order; `true` is a bare attribute, `undefined` none. */
type Attrs = [name: string, value: string | number | true | undefined][];

function openTag(name: string, attrs: Attrs): string {
  let open = `<${name}`;
  for (const [key, value] of attrs) {
    if (value === undefined) continue;
    open += value === true ? ` ${key}` : ` ${key}="${escapeAttribute(String(value))}"`;
  }
  return `${open}>`;
}

function tag(name: string, attrs: Attrs, inner: string): string {
  return `${openTag(name, attrs)}${inner}</${name}>`;
}

const text = (value: string): string => escapeText(value);

/**
 * The `<li>` of every line, as HTML. Joined once: a string grown line by line is a rope of
 * 74,000 pieces at 5,000 sections, which Astro flattens again when it encodes the page.
 */
export function sourceLinesHtml(input: SourceLinesInput): string {
  const parts = pageParts();
  const items = new Array<string>(input.lines.length);
  for (let i = 0; i < input.lines.length; i++) items[i] = lineItem(input, parts, input.lines[i] ?? '', i + 1);
  return items.join('');
}

/**
 * The markup a page repeats on many lines, made once per page: a section's paragraph is linked
 * from every line it holds, and the "In:" list of a section from each of its lines.
 */
interface PageParts {
  /** `<span class="source-segment" …>` of a paragraph, by `section\0paragraph`. */
  segmentOpen: Memo;
  /** The link after a paragraph's part of a line, by `section\0paragraph`. */
  where: Memo;
  /** A line's "In: …" links, by the ids of the sections holding it. */
  places: Memo;
}

type Memo = ReturnType<typeof boundedMemo<string>>;

/** Kept for the whole page: one entry per paragraph or group of sections, which the page's HTML outweighs. */
const pageParts = (): PageParts => ({ segmentOpen: boundedMemo(Infinity), where: boundedMemo(Infinity), places: boundedMemo(Infinity) });

function lineItem(input: SourceLinesInput, parts: PageParts, line: string, n: number): string {
  if (line.trim() === '') return tag('li', [['id', sourceLineAnchor(n)], ['class', 'source-line source-line--blank'], ['value', n]], tag('span', [['class', 'visually-hidden']], 'blank line'));
  const reason = input.dropped.get(n);
  const segments: LineSegment[] = reason ? [{ text: line, repairs: [] }] : placeLine(line, input.candidates.get(n) ?? []);
  const places = input.holders.get(n) ?? [];
  const shared = input.shared.get(n) ?? [];
  const where = reason
    ? tag('span', [['class', 'badge badge--dropped']], text(`dropped: ${reasonLabel(reason)}`))
    : places.length
      ? parts.places(places.map((s) => s.id).join('\0'), () => `In: ${places.map((s) => tag('a', [['href', relativeUrl(input.path, sectionIdPath(s.id))]], text(s.title))).join(', ')}`)
      : UNPLACED;
  const also = shared.length > 0
    ? tag('p', [['class', 'source-line__shared']], `Also in: ${shared.map((w) => `${text(input.sourceTitle(w.source))}, ${w.lines.map((l) => tag('a', [['href', relativeUrl(input.path, sourcePath(w.source), sourceLineAnchor(l))]], `line ${l}`)).join(', ')}`).join('; ')}`)
    : '';
  let inner = '';
  for (const seg of segments) inner += segment(input, parts, seg);
  return tag('li', [['id', sourceLineAnchor(n)], ['value', n], ['class', reason ? 'source-line source-line--dropped' : 'source-line']],
    `${LINE_TEXT_OPEN}${inner}</p>${LINE_WHERE_OPEN}${where}</p>${also}`);
}

const LINE_TEXT_OPEN = '<p class="source-line__text">';
const LINE_WHERE_OPEN = '<p class="source-line__where">';
const UNPLACED = tag('span', [['class', 'badge badge--unplaced']], 'not yet placed in a section');

/** A run of the line: plain text, or the paragraph's part with its repair marks and a link to where it lives. */
function segment(input: SourceLinesInput, parts: PageParts, seg: LineSegment): string {
  const place = seg.place;
  if (!place) return text(seg.text);
  let inner = '';
  let at = 0;
  for (const r of seg.repairs) {
    inner += text(seg.text.slice(at, r.at)) + repairMark(input, place.sectionId, r);
    at = r.at;
  }
  inner += text(seg.text.slice(at));
  const key = `${place.sectionId}\0${place.paragraphId}`;
  const open = parts.segmentOpen(key, () => openTag('span', [['class', 'source-segment'], ['data-section', place.sectionId], ['data-paragraph', place.paragraphId]]));
  const where = parts.where(key, () => tag('a', [['class', 'source-segment__where'], ['data-editorial', true], ['href', relativeUrl(input.path, sectionIdPath(place.sectionId), place.paragraphId)]],
    `${tag('span', [['aria-hidden', 'true']], '→ ')}${tag('span', [['class', 'visually-hidden']], 'This part is in: ')}${text(input.sectionTitle(place.sectionId))}`));
  return `${open}${inner}</span>${where}`;
}

/** The editorial mark of a repair: what was restored, or that something was lost, linking to its note. */
function repairMark(input: SourceLinesInput, sectionId: string, mark: LineSegment['repairs'][number]): string {
  const restored = mark.repair.insert !== undefined;
  return tag('a', [
    ['class', restored ? 'source-repair source-repair--restored' : 'source-repair source-repair--gap'],
    ['data-editorial', true],
    ['href', relativeUrl(input.path, sectionIdPath(sectionId), repairNoteId(mark.index))],
    ['title', restored ? `Restored by the editors, not in the scraped text (confidence ${mark.repair.confidence})` : `Editorial note: something was lost here (confidence ${mark.repair.confidence})`],
  ], restored
    ? `${tag('span', [['class', 'visually-hidden']], 'Restored, not in the scraped text: ')}${text(`+${(mark.repair.insert ?? '').trim()}`)}`
    : `${tag('span', [['class', 'visually-hidden']], 'Editorial note: ')}lost`);
}
