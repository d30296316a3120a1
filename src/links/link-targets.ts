import fs from 'node:fs';
import path from 'node:path';
import { titleFromDocumentTitle } from '../lib/site.ts';
import { linksJsonPath, resolveUrl, rootUrl, type PagePath } from '../lib/urls.ts';
import { LINKS_JSON_VERSION, type LinkTarget, type LinksJson } from '../schemas/links.ts';
import { TOPIC_IDS, type TopicId } from '../schemas/topic.ts';
import type { PageScan } from './scan-page.ts';
import type { SiteScan } from './scan-site.ts';

/** How many words of a paragraph make its title in links.json. */
const PARAGRAPH_TITLE_WORDS = 12;

/**
 * Every link target of a built site, for `links.json`: each page, then its headings and
 * paragraphs in document order; pages in path order, so the file is stable from build to build.
 *
 * Pages that are not places to link to are left out: those marked `noindex` (the 404 page) and
 * alias pages, which only send readers on (their `meta refresh`); the page they send to is listed.
 */
export function linkTargets(site: SiteScan, siteName: string): LinkTarget[] {
  const targets: LinkTarget[] = [];
  const movedHere = aliasPagesByTarget(site);
  for (const [url, page] of [...site.pages].sort(([a], [b]) => a.localeCompare(b))) {
    if (!isLinkablePage(page)) continue;
    const topic = topicOf(url);
    const oldPages = movedHere.get(url) ?? [];
    targets.push({ url, anchor: null, title: titleFromDocumentTitle(page.title, siteName), kind: 'page', topic, aliases: oldPages });
    for (const t of page.targets) {
      const aliases = [...t.aliases.map((id) => rootUrl(url, id)), ...oldPages.map((old) => rootUrl(old as PagePath, t.id))];
      targets.push({ url, anchor: t.id, title: t.kind === 'paragraph' ? firstWords(t.text, PARAGRAPH_TITLE_WORDS) : t.text, kind: t.kind, topic, aliases });
    }
  }
  return targets;
}

/**
 * The alias pages (old URLs with a meta refresh) of the site, by the page they send readers to:
 * a renamed or moved section's old slugs, an entity's former ids. Sorted, so output is stable.
 */
function aliasPagesByTarget(site: SiteScan): Map<string, string[]> {
  const byTarget = new Map<string, string[]>();
  for (const [url, page] of [...site.pages].sort(([a], [b]) => a.localeCompare(b))) {
    if (page.refresh === null) continue;
    const to = resolveUrl(url, page.refresh).path;
    byTarget.set(to, [...(byTarget.get(to) ?? []), url]);
  }
  return byTarget;
}

/** A page another document may link to: not an alias (refresh) page, not marked noindex. */
export function isLinkablePage(page: PageScan): boolean {
  return page.refresh === null && !page.noindex;
}

/** The topic of `<topic>.html` and `<topic>/<slug>.html`; null for every other page. */
export function topicOf(url: PagePath | string): TopicId | null {
  const first = url.split('/')[0]?.replace(/\.html$/, '');
  return TOPIC_IDS.find((t) => t === first) ?? null;
}

/**
 * The first `count` words of `text` (words: runs between spaces), with an ellipsis when there
 * were more. Reads only as far as the word after the last one it keeps: splitting every
 * paragraph whole took 0.3 s of each 5,000-section build.
 */
export function firstWords(text: string, count: number): string {
  const words: string[] = [];
  let at = 0;
  while (words.length <= count) {
    while (text.charCodeAt(at) === SPACE) at++;
    if (at >= text.length) break;
    const end = text.indexOf(' ', at);
    words.push(text.slice(at, end === -1 ? text.length : end));
    at = end === -1 ? text.length : end;
  }
  return words.length > count ? `${words.slice(0, count).join(' ')}…` : words.join(' ');
}

const SPACE = 32;

/**
 * Writes `links.json` into the output folder, one target per line so that a diff between two
 * builds reads target by target. Returns the path written.
 */
export function writeLinksJson(dir: string, targets: readonly LinkTarget[]): string {
  const file = path.join(dir, linksJsonPath());
  const body: LinksJson = { version: LINKS_JSON_VERSION, targets: [...targets] };
  fs.writeFileSync(file, formatTargetList(body.version, body.targets));
  return file;
}

/** `{ "version": 1, "targets": [ ... ] }` with each target on its own line. */
export function formatTargetList(version: number, targets: readonly object[]): string {
  const lines = targets.map((t) => `    ${JSON.stringify(t)}`);
  return `{\n  "version": ${version},\n  "targets": [${lines.length ? `\n${lines.join(',\n')}\n  ` : ''}]\n}\n`;
}
