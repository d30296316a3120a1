import { formatPartialDate } from './dates.ts';

/** What a citation of a section says. */
export interface CitationInput {
  /** The section id, `<topic>/<slug>`: the BibTeX key and CSL id. */
  id: string;
  /** The section's title. */
  title: string;
  /** The topic's title, e.g. "History of relations". */
  topicTitle: string;
  /** The site's name, the container of the section. */
  siteName: string;
  /** The permalink: absolute when the site URL is known, else the path from the site root. */
  url: string;
  /** Whether `url` is absolute. A relative one comes with a note saying so. */
  absolute: boolean;
  /** The access date, `YYYY-MM-DD` (the build date). */
  accessed: string;
}

/** The note that goes with a permalink that is relative to the site's address. */
export const RELATIVE_NOTE = 'relative to the address of this site';

/**
 * A plain-text citation, e.g.
 * “Relations resumed.” In Russia–US Relations: a Reference, History of relations. https://…/history/x.html. Accessed 28 November 2026.
 */
export function plainCitation(c: CitationInput): string {
  const where = c.absolute ? c.url : `${c.url} (${RELATIVE_NOTE})`;
  return `“${c.title}.” In ${c.siteName}, ${c.topicTitle}. ${where}. Accessed ${formatPartialDate(c.accessed)}.`;
}

/** A BibTeX `@misc` entry (with biblatex's `url` and `urldate`), every text field escaped. */
export function bibtexCitation(c: CitationInput): string {
  const fields: [string, string][] = [
    ['title', `{${escapeBibtex(c.title)}}`],
    ['howpublished', `${escapeBibtex(c.siteName)}, ${escapeBibtex(c.topicTitle)}`],
    ['url', c.url],
    ['urldate', c.accessed],
    ['note', `Accessed ${formatPartialDate(c.accessed)}${c.absolute ? '' : `; URL ${RELATIVE_NOTE}`}`],
  ];
  return `@misc{${bibtexKey(c.id)},\n${fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n')}\n}`;
}

/** CSL-JSON (what Zotero, Pandoc and citeproc read): a list with one `webpage` item. */
export function cslJsonCitation(c: CitationInput): string {
  const [year, month, day] = c.accessed.split('-').map(Number);
  const item = {
    id: c.id,
    type: 'webpage',
    title: c.title,
    'container-title': c.siteName,
    section: c.topicTitle,
    URL: c.url,
    accessed: { 'date-parts': [[year, month, day]] },
    ...(c.absolute ? {} : { note: `URL ${RELATIVE_NOTE}` }),
  };
  // Keep the date on one line, as CSL-JSON is usually written: [[2026, 11, 28]].
  return JSON.stringify([item], null, 1).replace(/\[\s*\[\s*(-?\d+),\s*(-?\d+),\s*(-?\d+)\s*\]\s*\]/, '[[$1, $2, $3]]');
}

/** A BibTeX key from a section id: `history/relations` -> `history-relations` (keys cannot hold `/`). */
export function bibtexKey(id: string): string {
  return id.replace(/[^A-Za-z0-9-]+/g, '-');
}

const BIBTEX_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** Text made safe inside a BibTeX field: every character TeX treats specially is escaped, in one pass. */
export function escapeBibtex(text: string): string {
  return text.replace(/[\\{}&%$#_~^]/g, (ch) => BIBTEX_SPECIALS[ch] ?? ch);
}

/**
 * A Markdown link: `[title](url)`. Markdown's punctuation in the title is backslash-escaped, so it
 * reads as the same words (no emphasis, no nested link); a URL with
 * spaces or parentheses is written in `<…>`, so the link survives any title and address.
 */
export function markdownLink(title: string, url: string): string {
  const text = title.replace(/[\\`*_[\]<>!&~|#]/g, (c) => `\\${c}`);
  const target = /[\s()<>]/.test(url) ? `<${url.replace(/[<>]/g, encodeURIComponent)}>` : url;
  return `[${text}](${target})`;
}

/**
 * A reStructuredText cross-reference for Sphinx users: `` :ref:`ref:history/a` ``, resolved through
 * intersphinx against our objects.inv (the mapping named `ref` in docs/deep-links.md), which
 * supplies the title, so none is written here.
 */
export function restReference(name: string, inventory = 'ref'): string {
  return `:ref:\`${inventory}:${name}\``;
}
