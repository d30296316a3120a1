import type { Publisher } from '../schemas/source.ts';
import { DROP_REASONS } from '../schemas/source.ts';
import { endsSentence, normalizeSpace } from './normalize.ts';

/** Why a line is not placed in a section; the manifest's `dropped[].reason`. */
export type DropReason = (typeof DROP_REASONS)[number];

/** The verdict on one source line: kept as text, or dropped with a reason. */
export type LineVerdict =
  | { line: number; text: string; kind: 'text' }
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

const WORDS = (s: string): number => (s === '' ? 0 : s.split(' ').length);

// Each rule looks at one normalised, short line; order matters only for overlapping shapes.
const BULLET = /^[•·▪◦‣●■□►▸▹*+\-–—]\s/;
const TITLE_PUBLISHER = /^(.{3,}?)\s+[-|–—]\s+([A-Z0-9][\w.&'’]*(?:\s+[A-Z0-9&][\w.&'’]*){0,3})$/;
const BANNER = /\b(cookies?|subscribe|sign up|newsletter|all rights reserved|copyright|advertisement|privacy policy|terms of (use|service)|enable javascript)\b|©/i;
const CAPTION = /^(photo|image|picture|credit|caption|file photo|video)\b\s*[:|(]|\((photo|image|credit)\b[^)]*\)$|\b(getty images|reuters\/|ap photo|afp photo)\b/i;
const BYLINE = /^(by|posted by|written by|author:?|reporter:?)\s+\p{Lu}|^(published|updated|posted|last (updated|modified))\b/iu;
const NAVIGATION = /^(home|menu|main menu|skip to (main )?content|search|share( this)?|tweet|print|email|next|previous|back to top|read more|related( articles| stories)?|more from|follow us|log ?in|sign in|contact( us)?|about( us)?|top|close)$/i;
const NAV_TRAIL = /^(\S+( \S+){0,3})( ?[|›»>/] ?\S+( \S+){0,3}){2,}$/;
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * Sorts every line of a scraped text into kept text or a dropped line with its reason, so that
 * placed + dropped is always the whole input. Lines that name the page (its title, related
 * titles with their publisher, bylines with a date) also fill {@link PageFacts}.
 */
export function cleanLines(lines: readonly string[]): { verdicts: LineVerdict[]; facts: PageFacts } {
  // Only short lines can be furniture (titles, menus, bylines…); long ones are text, and are not
  // normalised at all, which keeps cleaning cheap on large input.
  const normal = lines.map((l) => (l.length > LONG_LINE ? '' : normalizeSpace(l)));
  const counts = new Map<string, number>();
  for (const n of normal) if (n !== '') counts.set(n.toLowerCase(), (counts.get(n.toLowerCase()) ?? 0) + 1);

  const facts: PageFacts = { publishers: [], dates: [] };
  const titles = new Map<string, Publisher>();
  const byNameAndPage = new Map<string, Publisher>();
  const titleLines = new Set<number>();
  // The page's first line that is neither blank nor a navigation trail names the page.
  const firstText = lines.findIndex((l, i) => (l.length > LONG_LINE ? true : normal[i] !== '' && !isNavigation(normal[i] ?? '')));
  // Titles of related pages are named before their repeats; collect them first so a bare repeat
  // ("Russia and the West: Where did it all go wrong?") is recognised anywhere.
  normal.forEach((n, i) => {
    const match = isShort(n) && !endsSentence(n) && !isNavigation(n) ? TITLE_PUBLISHER.exec(stripBullet(n)) : null;
    if (!match?.[1] || !match[2]) return;
    const publisher = addPublisher(facts, byNameAndPage, match[2], match[1], i + 1);
    titleLines.add(i + 1);
    titles.set(match[1].toLowerCase(), publisher);
    titles.set(stripBullet(n).toLowerCase(), publisher);
  });

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
    if (known && titleLines.has(line)) {
      if (i !== firstText) return drop('link-bullet');
      if (known.page !== undefined) facts.title = known.page;
      return drop('page-title');
    }
    if (known) {
      known.lines.push(line);
      return drop('link-bullet');
    }
    if (BULLET.test(n) && WORDS(n) <= 20 && !endsSentence(n)) return drop('link-bullet');
    if (i === firstText && short && !endsSentence(n)) {
      facts.title = n;
      return drop('page-title');
    }
    if ((counts.get(n.toLowerCase()) ?? 0) > 1 && short && !endsSentence(n)) return drop('query-repeat');
    if (WORDS(n) <= 20 && BANNER.test(n)) return drop('site-banner');
    if (WORDS(n) <= 25 && CAPTION.test(n)) return drop('caption');
    if (WORDS(n) <= 15 && BYLINE.test(n)) {
      const date = findDate(n);
      if (date) facts.dates.push({ date, line });
      return drop('byline');
    }
    if (isNavigation(n)) return drop('navigation');
    if (n.length <= 2) return drop('debris');
    return { line, text, kind: 'text' };
  });
  for (const p of facts.publishers) p.lines.sort((a, b) => a - b);
  // A byline date belongs to the page itself: give it to the publisher its title line names.
  const own = facts.publishers.find((p) => p.lines.includes(firstText + 1));
  const dated = facts.dates[0];
  if (own && dated) own.date = dated.date;
  return { verdicts, facts };
}

/** Menu words ("Home", "Share") or a breadcrumb trail ("World | Politics | Europe"). */
function isNavigation(n: string): boolean {
  return (WORDS(n) <= 4 && NAVIGATION.test(n)) || (isShort(n) && NAV_TRAIL.test(n) && !endsSentence(n));
}

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

/** A date a byline states: "11 April 2018", "April 11, 2018", "2018-04-11". Only real, unambiguous ones. */
export function findDate(text: string): string | undefined {
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const month = `(${MONTHS.join('|')})`;
  const dayFirst = new RegExp(`\\b(\\d{1,2}) ${month},? (\\d{4})\\b`, 'i').exec(text);
  if (dayFirst?.[1] && dayFirst[2] && dayFirst[3]) return isoDate(dayFirst[3], dayFirst[2], dayFirst[1]);
  const monthFirst = new RegExp(`\\b${month} (\\d{1,2}),? (\\d{4})\\b`, 'i').exec(text);
  if (monthFirst?.[1] && monthFirst[2] && monthFirst[3]) return isoDate(monthFirst[3], monthFirst[1], monthFirst[2]);
  return undefined;
}

function isoDate(year: string, monthName: string, day: string): string | undefined {
  const m = MONTHS.indexOf(monthName.toLowerCase()) + 1;
  const d = Number(day);
  const date = new Date(Date.UTC(Number(year), m - 1, d));
  if (date.getUTCDate() !== d) return undefined;
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
