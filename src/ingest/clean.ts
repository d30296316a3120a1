import type { Publisher } from '../schemas/source.ts';
import { DROP_REASONS } from '../schemas/source.ts';
import { endsSentence, normalizeSpace } from './normalize.ts';
import { datelineDate, hasBannerWords, isAuthorLine, isLabelValue, isProse, shapeReason, stopDensity, WORDS } from './line-shape.ts';
import { bodyBounds, chooseTitle, contentWords } from './page-zones.ts';

/** Why a line is not placed in a section; the manifest's `dropped[].reason`. */
export type DropReason = (typeof DROP_REASONS)[number];

/** The verdict on one source line: kept as text, or dropped with a reason. */
export type LineVerdict =
  | { line: number; text: string; kind: 'text'; unsure?: string }
  | { line: number; text: string; kind: 'dropped'; reason: DropReason };

/** What the non-content lines tell about the page. */
export interface PageFacts {
  /** The page's own title (its first line, when that reads as a title). */
  title?: string;
  /** Publishers named by "Title - Publisher" lines, in order of first appearance. */
  publishers: Publisher[];
  /** Dates found in bylines, as YYYY-MM-DD / YYYY-MM / YYYY, with their line. */
  dates: { date: string; line: number }[];
}

/** Lines longer than this are never page furniture. */
const LONG_LINE = 300;

/** A line that begins in lower case: part of a sentence, never a title or a header. */
const FRAGMENT = /^\p{Ll}/u;
const BULLET = /^[•·▪◦‣●■□►▸▹*+\-–—^]\s|^\[\d+\]\s/;
const TITLE_PUBLISHER = /^(.{3,}?)\s+[-|–—]\s+([A-Z0-9][\w.&'’]*(?:\s+[A-Z0-9&][\w.&'’]*){0,3})$/;

/**
 * Sorts every line of a scraped text into kept text or a dropped line with its reason, so that
 * placed + dropped is always the whole input. A line's shape decides first (line-shape.ts);
 * then its place: a short line that ends no sentence, before the text begins or after it ends,
 * is the page's header or footer (page-zones.ts). Lines there that read as sentences, or are
 * too long to be furniture, are kept and marked `unsure`. Lines that name the page (its title,
 * related titles with their publisher, a dated byline) also fill {@link PageFacts}. Lines in
 * `shared` (1-based), which another source also holds, are never dropped for their place.
 */
export function cleanLines(lines: readonly string[], shared: ReadonlySet<number> = new Set()): { verdicts: LineVerdict[]; facts: PageFacts } {
  // Only short lines can be furniture; long ones are text, and are not normalised at all, which
  // keeps cleaning cheap on large input.
  const normal = lines.map((l) => (l.length > LONG_LINE ? '' : normalizeSpace(l)));
  const counts = new Map<string, number>();
  for (const n of normal) if (n !== '') counts.set(n.toLowerCase(), (counts.get(n.toLowerCase()) ?? 0) + 1);

  const facts: PageFacts = { publishers: [], dates: [] };
  const titles = new Map<string, Publisher>();
  const byNameAndPage = new Map<string, Publisher>();
  const titleLines = new Set<number>();
  // Titles of related pages are named before their repeats; collect them first so a bare repeat
  // ("Russia and the West: Where did it all go wrong?") is recognised anywhere.
  normal.forEach((n, i) => {
    const match = isShort(n) && !endsSentence(n) && !shapeReason(n, lines[i] ?? '') ? TITLE_PUBLISHER.exec(stripBullet(n)) : null;
    if (!match?.[1] || !match[2]) return;
    const publisher = addPublisher(facts, byNameAndPage, match[2], match[1], i + 1);
    titleLines.add(i + 1);
    titles.set(match[1].toLowerCase(), publisher);
    titles.set(stripBullet(n).toLowerCase(), publisher);
  });

  const shapes = normal.map((n, i) => (n === '' || lines[i]!.length > LONG_LINE ? undefined : shapeOf(normal, lines, i)));
  const prose = normal.map((n, i) => (lines[i]!.length > LONG_LINE ? /[\p{L}]/u.test(lines[i]!) : !shapes[i] && !BULLET.test(n) && (isProse(n, (normal[i + 1] ?? '') !== '') || isCutProse(n))));
  const body = bodyBounds(prose, normal.map((n, i) => n === '' && lines[i]!.length <= LONG_LINE));
  const zone = (i: number): 'header' | 'footer' | undefined => (!body ? undefined : i < body.start ? 'header' : i > body.end ? 'footer' : undefined);
  // The heading right before the text's first paragraph ("Summary") belongs to the text.
  const leadHeading = body ? [...normal.keys()].slice(0, body.start).reverse().find((i) => normal[i] !== '') : undefined;
  const firstText = lines.findIndex((l, i) => l.length > LONG_LINE || (normal[i] !== '' && !shapes[i]));
  const headerLines = body ? [...normal.keys()].filter((i) => i < body.start && normal[i] !== '' && !shapes[i] && isShort(normal[i]!) && (counts.get(normal[i]!.toLowerCase()) ?? 0) === 1 && !isAuthorLine(normal[i]!) && !/[.;:…]$/.test(normal[i]!) && !FRAGMENT.test(normal[i]!)) : [];
  const bodyWords = body ? contentWords(lines.slice(body.start, body.end + 1).join(' ')) : new Map<string, number>();
  const chosen = body ? chooseTitle(headerLines.map((i) => ({ index: i, text: stripBullet(normal[i]!) })), bodyWords) : undefined;
  const titleIndex = chosen?.index ?? (body ? -1 : firstText);

  const verdicts = lines.map((text, i): LineVerdict => {
    const line = i + 1;
    const drop = (reason: DropReason): LineVerdict => ({ line, text, kind: 'dropped', reason });
    if (text.length > LONG_LINE) return /[\p{L}\p{N}]/u.test(text) ? { line, text, kind: 'text' } : drop('debris');
    const n = normal[i] ?? '';
    if (n === '') return drop('blank');
    if (!/[\p{L}\p{N}]/u.test(n)) return drop('debris');
    const short = isShort(n);
    const stripped = stripBullet(n);
    const known = titles.get(stripped.toLowerCase());
    if (i === titleIndex && (chosen || (short && !endsSentence(n)))) {
      facts.title = known?.page ?? chosen?.title ?? n;
      return drop('page-title');
    }
    if (known) {
      if (zone(i) === 'header' && titleLines.has(line)) return drop('page-header');
      if (!titleLines.has(line)) known.lines.push(line);
      return drop('link-bullet');
    }
    if (BULLET.test(n) && ((WORDS(n) <= 20 && !endsSentence(n)) || zone(i))) return drop('link-bullet');
    if ((counts.get(n.toLowerCase()) ?? 0) > 1 && short && !endsSentence(n)) return drop('query-repeat');
    const shape = shapes[i];
    if (shape) {
      if (shape.date && shape.reason === 'byline' && (!body || i < body.start)) facts.dates.push({ date: shape.date, line });
      return drop(shape.reason);
    }
    const where = zone(i);
    if (where === 'header' && isAuthorLine(n)) return drop('byline');
    // A line the next one continues in lower case is part of a wrapped sentence: never furniture by place.
    const continued = /^\p{Ll}/u.test(normal[i + 1] ?? '');
    // A line another source shares is a sentence two publishers wrote, and one that begins in lower
    // case continues or quotes a sentence (titles, site names and menus begin with a capital):
    // neither is furniture by place.
    if (where && !continued && !shared.has(line) && !FRAGMENT.test(n) && !(where === 'header' && i === leadHeading && isHeadingShape(n))) {
      if (!endsSentence(n) && short) return drop(where === 'header' ? 'page-header' : 'page-footer');
      if (datelineDate(n)) return drop('byline');
      if (hasBannerWords(n)) return drop('site-banner');
      return { line, text, kind: 'text', unsure: `line ${line} is kept though it stands ${where === 'header' ? 'before' : 'after'} the text; check it is not page furniture.` };
    }
    if (n.length <= 2) return drop('debris');
    return { line, text, kind: 'text' };
  });
  for (const p of facts.publishers) p.lines.sort((a, b) => a - b);
  // A byline date belongs to the page itself: give it to the publisher its title line names.
  const own = facts.publishers.find((p) => p.lines.includes(titleIndex + 1));
  const dated = facts.dates[0];
  if (own && dated) own.date = dated.date;
  return { verdicts, facts };
}

/** The shape of line `i`: its own, or a table when it is a label/value line beside another. */
function shapeOf(normal: readonly string[], lines: readonly string[], i: number): ReturnType<typeof shapeReason> {
  const own = shapeReason(normal[i]!, lines[i]!);
  if (own && own.reason !== 'byline' && own.reason !== 'site-banner') return own;
  const near = (d: number) => isLabelValue(normal[i + d] ?? '');
  if (isLabelValue(normal[i]!) && (near(-1) || near(1))) return { reason: 'table' };
  return own;
}

/**
 * A paragraph whose last sentence lost its end: the scraper deletes a final number with its full
 * stop ("met twice a year until 2003." -> "met twice a year until "). Too long for furniture and
 * as dense with function words as prose, it is text, and it can begin or end the page's text.
 */
const isCutProse = (n: string): boolean => !isShort(n) && stopDensity(n) >= 0.2;

const isHeadingShape = (n: string): boolean => WORDS(n) <= 8 && !endsSentence(n) && /^[\p{Lu}\p{N}]/u.test(n);

function isShort(n: string): boolean {
  return WORDS(n) <= 15 && n.length <= 120;
}

function stripBullet(n: string): string {
  return n.replace(BULLET, '').trim();
}

function addPublisher(facts: PageFacts, index: Map<string, Publisher>, name: string, page: string, line: number): Publisher {
  const key = `${name}\u0000${page}`;
  let publisher = index.get(key);
  if (!publisher) {
    publisher = { name, page, lines: [] };
    index.set(key, publisher);
    facts.publishers.push(publisher);
  }
  publisher.lines.push(line);
  return publisher;
}
