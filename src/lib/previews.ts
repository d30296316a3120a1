/**
 * Link previews: the title and summary of each section or entity a page links to, gathered after
 * the build from the built pages themselves (src/site-pass/link-previews.ts) so
 * `assets/previews.js` can show them on hover or focus.
 *
 * Trade-off (see docs/reading.md): a site-wide `previews.json` would grow with the site and cannot
 * be fetched from `file://`; fetching target pages on hover fails there too; data in the page
 * itself costs every reader its weight up front. So each page gets its own small data script,
 * `previews/<page>.js`, holding only what that page links to, and `assets/preview-loader.js`
 * loads it with `previews.js` on the reader's first hover or focus of a link. Script tags work
 * from disk, nothing leaves the site, and without JavaScript nothing is lost: the same summaries
 * are on the target pages.
 */
import type { RelativeUrl } from './urls.ts';

export interface Preview {
  /** The target's URL as written on the page that shows the preview. */
  href: RelativeUrl;
  /** What kind of page it is, shown above the title: "Section" or an entity kind. */
  kind: string;
  title: string;
  summary: string;
}

/** The kind a section's preview shows (an entity's shows its kind: src/lib/entity-kinds.ts). */
export const SECTION_PREVIEW_KIND = 'Section';

/** The variable the data script sets and previews.js reads. */
export const PREVIEWS_GLOBAL = 'linkPreviews';

/** The text of a page's data script: `self.linkPreviews=[[href, kind, title, summary], …];`. */
export function previewScript(previews: Preview[]): string {
  return `self.${PREVIEWS_GLOBAL}=${JSON.stringify(previews.map((p) => [p.href, p.kind, p.title, p.summary]))};\n`;
}
