/**
 * Link previews: the title and summary of each section or entity a page links to, gathered at
 * build time so `assets/previews.js` can show them on hover or focus.
 *
 * Trade-off (see docs/reading.md): a site-wide `previews.json` would grow with the site and cannot
 * be fetched from `file://`; fetching target pages on hover fails there too; data in the page
 * itself costs every reader its weight up front. So each page gets its own small data script,
 * `previews/<page>.js`, holding only what that page links to, and `assets/preview-loader.js`
 * loads it with `previews.js` on the reader's first hover or focus of a link. Script tags work
 * from disk, nothing leaves the site, and without JavaScript nothing is lost: the same summaries
 * are on the target pages.
 */
import type { SiteData } from './site-data.ts';
import { ENTITY_KIND_LABELS } from './entity-kinds.ts';
import { entityPath, relativeUrl, sectionIdPath, type PagePath, type RelativeUrl } from './urls.ts';

export interface Preview {
  /** The target's URL as written on the page that shows the preview. */
  href: RelativeUrl;
  /** What kind of page it is, shown above the title: "Section" or an entity kind. */
  kind: string;
  title: string;
  summary: string;
}

/**
 * Previews for the given section and entity ids, as seen from page `from`, each once. Unknown
 * ids are left out (the link checker reports broken links; a preview has nothing to say).
 */
export function previewsFor(data: SiteData, from: PagePath, ids: { sections?: Iterable<string>; entities?: Iterable<string> }): Preview[] {
  const out = new Map<string, Preview>();
  for (const id of ids.sections ?? []) {
    const s = data.sectionById.get(id);
    if (!s || out.has(`s:${id}`)) continue;
    out.set(`s:${id}`, { href: relativeUrl(from, sectionIdPath(id)), kind: 'Section', title: s.data.title, summary: s.data.summary });
  }
  for (const id of ids.entities ?? []) {
    const e = data.entityById.get(id);
    if (!e || out.has(`e:${id}`)) continue;
    out.set(`e:${id}`, { href: relativeUrl(from, entityPath(id)), kind: ENTITY_KIND_LABELS[e.data.kind].one, title: e.data.name, summary: e.data.description });
  }
  return [...out.values()];
}

/** The variable the data script sets and previews.js reads. */
export const PREVIEWS_GLOBAL = 'linkPreviews';

/** The text of a page's data script: `self.linkPreviews=[[href, kind, title, summary], …];`. */
export function previewScript(previews: Preview[]): string {
  return `self.${PREVIEWS_GLOBAL}=${JSON.stringify(previews.map((p) => [p.href, p.kind, p.title, p.summary]))};\n`;
}
