import { resolveUrl } from '../lib/urls.ts';
import { fragmentExistsRule } from './checks/fragment-exists.ts';
import { fragmentUniqueRule } from './checks/fragment-unique.ts';
import { relativeUrlRule } from './checks/relative-url.ts';
import { targetExistsRule } from './checks/target-exists.ts';
import type { LinkRule } from './checks/types.ts';
import type { SiteScan } from './scan-site.ts';

/** The rules every internal link keeps, in the order they are tried. */
export const LINK_RULES: readonly LinkRule[] = [relativeUrlRule, targetExistsRule, fragmentExistsRule, fragmentUniqueRule];

/** Schemes that leave the site: not checked (no request is made). */
const EXTERNAL_SCHEMES = new Set(['http', 'https', 'mailto', 'tel', 'data']);

/** A link that broke a rule. */
export interface LinkProblem {
  /** The page the link is on, from the site root. */
  page: string;
  /** The URL as written. */
  link: string;
  /** Element and attribute, e.g. `a[href]`. */
  where: string;
  rule: string;
  message: string;
}

/** Whether a URL leaves the site (`https:`, `mailto:`, `//host`), stays in it, or uses a scheme a static site must not. */
export function urlKind(url: string): 'external' | 'internal' | 'bad-scheme' {
  if (url.startsWith('//')) return 'external';
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === undefined) return 'internal';
  return EXTERNAL_SCHEMES.has(scheme) ? 'external' : 'bad-scheme';
}

/**
 * Checks every internal URL of every scanned page but those in `known` against `rules`. External URLs are skipped,
 * without a request; a `javascript:` or `file:` URL is reported. An id used twice on a page is
 * reported too: a fragment must land in exactly one place.
 */
export function checkLinks(site: SiteScan, rules: readonly LinkRule[] = LINK_RULES, known: ReadonlySet<string> = new Set()): LinkProblem[] {
  const problems: LinkProblem[] = [];
  for (const [from, page] of site.pages) {
    // A page known to pass: its bytes and everything its links resolve against are the last passing check's (link-world.ts).
    if (known.has(from)) continue;
    for (const id of new Set(page.duplicateIds)) {
      problems.push({ page: from, link: `#${id}`, where: '[id]', rule: 'unique-ids', message: `the id "${id}" is on this page more than once, so a link to #${id} may land on the wrong words: give each element its own id (check the section's {/* #id */} markers against the page's own ids such as #main or #text).` });
    }
    for (const link of page.links) {
      const kind = urlKind(link.url);
      if (kind === 'external') continue;
      if (kind === 'bad-scheme') {
        problems.push({ page: from, link: link.url, where: link.where, rule: 'scheme', message: 'this scheme does not work on a static site: link to a page of the site or to an http(s) URL.' });
        continue;
      }
      const resolved = resolveUrl(from, link.url);
      for (const rule of rules) {
        const message = rule.check({ site, from, link, resolved });
        if (message === null) continue;
        problems.push({ page: from, link: link.url, where: link.where, rule: rule.name, message });
        break;
      }
    }
  }
  return problems;
}

/** How many problems a report lists in full. */
const REPORTED = 100;

/** The problems as a report a person can act on: grouped by page, each naming the link and the rule. */
export function formatLinkProblems(problems: readonly LinkProblem[]): string {
  const pages = new Set(problems.map((p) => p.page));
  const lines = [`${problems.length} broken internal link${problems.length === 1 ? '' : 's'} in ${pages.size} page${pages.size === 1 ? '' : 's'}:`];
  for (const p of problems.slice(0, REPORTED)) lines.push(`- ${p.page}: ${p.where} "${p.link}" [${p.rule}]: ${p.message}`);
  if (problems.length > REPORTED) lines.push(`… and ${problems.length - REPORTED} more.`);
  return lines.join('\n');
}
