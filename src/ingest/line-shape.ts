import * as chrono from 'chrono-node';
import { endsSentence } from './normalize.ts';

/**
 * The shape of one short line, judged on its own: what kind of page furniture it is, if its
 * shape says so. Shapes, not phrases: a row of `|` cells, a label and a short value, a phone
 * number, a line that is mostly a date, a row of short items, a line of code. Neighbours and
 * position are weighed in `furniture.ts`.
 */

export const WORDS = (s: string): number => (s === '' ? 0 : s.split(' ').length);

// The commonest function words of English: prose is dense with them, furniture is not (jusText's measure).
const STOP_EN = new Set(
  'a an the of to in on at for by with from as and or but is are was were be been has have had it its this that these those which who whom whose he she they we you i his her their our not no so than then there when while after before since until into over under between during against about would could should will shall may can did do does'.split(' '),
);

/** True for one of English's commonest function words ("the", "of", "was"). */
export const isStopWord = (word: string): boolean => STOP_EN.has(word);

/** Share of a line's words that are English function words (0..1). */
export function stopDensity(n: string): number {
  const words = n.toLowerCase().split(/[^\p{L}']+/u).filter(Boolean);
  if (words.length === 0) return 0;
  return words.filter((w) => STOP_EN.has(w)).length / words.length;
}

/** Prose: a sentence, or a hard-wrapped line of one, of some length with the function words English prose carries. */
export function isProse(n: string, wrapsOn = false): boolean {
  return n.length > 300 || ((endsSentence(n) || (wrapsOn && n.length >= 50)) && WORDS(n) >= 8 && stopDensity(n) >= 0.2);
}

// Notices no text sentence is made of (cookies, ©, subscriptions), and words that only mark a banner when the line is no sentence.
const NOTICE = /\b(cookies?|subscribe|sign up|newsletter|all rights reserved|privacy policy|terms of (use|service)|enable javascript)\b|©/i;
const BANNER = /\b(copyright|advertisement|official website|https)\b/i;
// Caption labels in the languages pages are commonly scraped in; a credit "Name/AGENCY"; "(Photo: …)" at the end.
const CAPTION = /^(photo(graph)?s?|image|picture|credit|caption|file photo|video|foto|bild(unterschrift)?|légende|crédit|фото)\b\s*[:|(]|^photo(graph)? by\b|\((photo|image|credit|foto)\b[^)]*\)$|\b(getty images|reuters\/|ap photo|afp photo)\b|^\S+ \S+\/[\p{Lu}]{2,}$/iu;
// "By Jane Q. Public", "Von Anna Weber": a word for "by" in common page languages, then a capitalised name (case matters).
const BYLINE = /^(By|Posted by|Written by|Author:?|Reporter:?|Von|Par|Por|Di|Door|Av|От)\s+\p{Lu}\p{Ll}*\.?(\s+\p{Lu}[\p{L}.'’-]*){0,3}(,|$)/u;
const PUBLISHED_START = /^(published|updated|posted|last (updated|modified))\b/i;
// A verb of publishing in the languages datelines are commonly in; with a date it makes a dateline.
const PUBLISHED = /(published|updated|edited|modified|posted|veröffentlicht|aktualisiert|publié|mis à jour|publicado|actualizado|pubblicato|опубликовано|обновлено)/iu;
const MENU_WORD = /^(home|menu|main menu|skip to (main )?content|search|share|tweet|print|email|e-mail|next|previous|back to top|read more|related( articles| stories)?|more from|follow us|log ?in|sign in|contact( us)?|about( us)?|top|close|jump to \w+)$|^(share|print|email|e-mail|tweet|follow us|download)( on| this| via| to| pdf)\b/i;
const NAV_SEPARATOR = /\s*(?:[|›»>/·•]|\s{2,}|\s[–—-]\s)\s*/u;
const PHONE = /(?:\+\d[\d ()./-]{6,}\d|\(\d{3}\)\s?\d{3}-\d{4}|\b\d{3}-\d{3}-\d{4}\b)/;
const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/;
const CONTACT_LABEL = /^(tel\.?|phone|fax|e-?mail|telephone|mobile|contact)\b/i;
const CODE = /(?:\bfunction\s*\(|=>|\b(?:var|let|const)\s+\w+\s*=|\bwindow\.|\bdocument\.|<\/?[a-z][\w-]*[\s>/]|\{[^}]*:[^}]*;|\);\s*$|^\s*[{}]\s*$|^\s*\/\/|^\s*@(media|import)\b)/i;

// Two or more personal names and nothing else: an author line ("Dr. Petra Lindqvist and Marcus Oyelaran").
const NAME = "(?:(?:Dr|Prof|Mr|Ms|Mrs)\\.? )?\\p{Lu}[\\p{L}'’-]+(?: \\p{Lu}\\.)*(?: \\p{Lu}[\\p{L}'’-]+)+";
const AUTHORS = new RegExp(`^${NAME}(?:(?:,| and| &|,? and) ${NAME})+$`, 'u');

/** A line of author names, as a report's or article's header gives them. */
export const isAuthorLine = (n: string): boolean => AUTHORS.test(n);

// A module's import or export statement, as a page's script leaks it.
const MODULE_LINE = /^(import\s+[\w{}*,\s]+\s+from\s+['"][^'"]+['"];?|export\s+(const|let|var|default|function)\b[^.!?]*)$/;

/** A row of table cells: two or more `|` with cells between. */
export const isTableRow = (n: string): boolean => (n.match(/\|/g)?.length ?? 0) >= 2 && /^\|/.test(n.trim()) && /\|$/.test(n.trim());

/** "Label: short value", an infobox or fact-box line ("Signed: 8 December 1987"). */
export function isLabelValue(n: string): boolean {
  const m = /^(\p{Lu}[\p{L}-]*(?: [\p{L}-]+){0,2}):\s+(.+)$/u.exec(n);
  return m?.[2] !== undefined && WORDS(m[2]) <= 6 && !/[.!?]\s/.test(m[2]);
}

/** Items of a menu or breadcrumb row ("Research · Events · Experts", "Home > Europe > Russia"), or undefined. */
function rowItems(n: string): string[] | undefined {
  const items = n.split(NAV_SEPARATOR).filter((s) => s !== '');
  if (items.length < 3 || items.some((s) => WORDS(s) > 5)) return undefined;
  return items;
}

/** The dates chrono finds in a line, in any of the languages datelines are written in, with how much of the line they cover. */
export function dateCover(n: string): { date: string; share: number } | undefined {
  const letters = n.replace(/[^\p{L}\p{N}]/gu, '').length;
  // A date a line states with its year certain has four digits in a row (or a dd/mm/yy form): a cheap gate before eight parsers.
  if (letters === 0 || !MAYBE_DATE.test(n)) return undefined;
  // Other languages' parsers only for a line that has a letter outside English's or one of their little words.
  const foreign = /[^\x00-\x7F]|\b(am|le|el|il|de|der|den|du|del|op|em)\b/i.test(n);
  for (const parser of foreign ? [chrono.en, chrono.de, chrono.fr, chrono.ru, chrono.es, chrono.it, chrono.nl, chrono.pt] : [chrono.en]) {
    const found = parser.parse(n, REFERENCE).find((r) => r.start.isCertain('year'));
    if (!found) continue;
    const precise = found.start.isCertain('day') ? 3 : found.start.isCertain('month') ? 2 : 1;
    const share = found.text.replace(/[^\p{L}\p{N}]/gu, '').length / letters;
    return { date: isoParts(found.start.get('year'), found.start.get('month'), found.start.get('day'), precise), share };
  }
  return undefined;
}

/**
 * A cheap gate before the parsers: a written date puts a word or a number right before its year
 * ("March 2014", "8 December 1987", "21. Januar 2022", "Dec. 8, 1987") or is all digits ("03/03/2021").
 */
export const MAYBE_DATE = /(?:\p{L}{3,}\.?,?|\d{1,2}(?:st|nd|rd|th)?\.?,?)\s+\d{4}\b|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}(?:-\d{2})?/u;

/** A fixed reference instant: ingest has no clock, so a relative date ("Thursday") never resolves to today's. */
export const REFERENCE = new Date(Date.UTC(2000, 0, 1));

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` from chrono's components, to the given precision (1..3). */
export function isoParts(year: number | null, month: number | null, day: number | null, precision: number): string {
  const p = (v: number | null) => String(v ?? 1).padStart(2, '0');
  return [String(year ?? 0).padStart(4, '0'), p(month), p(day)].slice(0, precision).join('-');
}

/** A banner's or notice's words: cookies, subscriptions, copyright, an official site's padlock. */
export const hasBannerWords = (n: string): boolean => BANNER.test(n) || NOTICE.test(n);

/** A line that says when the page was published or edited, with a date: "This page was last edited on 12 January 2024". */
export const datelineDate = (n: string): string | undefined =>
  WORDS(n) <= 15 && PAGE_DATED.test(n) && (!isProse(n) || /^(this|the) (page|article|story|post)\b/i.test(n)) ? dateCover(n)?.date : undefined;
// The page speaking of itself: "This page was last edited on …", "Last updated …", "Veröffentlicht am …".
const PAGE_DATED = new RegExp(`^(?:(?:this|the) (?:page|article|story|post) (?:was |has been )?)?(?:last )?${PUBLISHED.source}`, 'iu');

/** What a short line's own shape says it is, or undefined when its shape alone does not tell. */
export function shapeReason(n: string, raw: string = n): { reason: 'site-banner' | 'caption' | 'byline' | 'navigation' | 'contact' | 'table' | 'code'; date?: string } | undefined {
  const words = WORDS(n);
  if ((CODE.test(n) && (n.match(/[{}();=<>]/g)?.length ?? 0) >= 2 && stopDensity(n) < 0.15) || MODULE_LINE.test(n)) return { reason: 'code' };
  if (isTableRow(n)) return { reason: 'table' };
  if (words <= 5 && MENU_WORD.test(n) && !endsSentence(n)) return { reason: 'navigation' };
  if (words <= 20 && ((CONTACT_LABEL.test(n) && /:/.test(n)) || ((PHONE.test(n) || EMAIL.test(n)) && words <= 16))) return { reason: 'contact' };
  // A sentence with a banner's words ("the official website of the Kremlin") is text, unless it stands outside the text (clean.ts).
  if (words <= 20 && (NOTICE.test(n) || (BANNER.test(n) && !isProse(n, true)))) return { reason: 'site-banner' };
  if (words <= 25 && CAPTION.test(n)) return { reason: 'caption' };
  const dated = words <= 15 ? dateCover(n) : undefined;
  if (dated && ((dated.share >= 0.5 && !endsSentence(n)) || dated.share >= 0.8 || (PUBLISHED.test(n) && !endsSentence(n)) || BYLINE.test(n))) return { reason: 'byline', date: dated.date };
  if (words <= 12 && (BYLINE.test(n) || (PUBLISHED_START.test(n) && !endsSentence(n)))) return { reason: 'byline' };
  if (words <= 25 && !endsSentence(n) && rowItems(raw.trim())) return { reason: 'navigation' };
  return undefined;
}
