import fs from 'node:fs';
import { absoluteUrl, linksJsonPath, pathOnSite, rootUrl, type PagePath } from '../lib/urls.ts';
import { linksJsonSchema, type LinkTarget } from '../schemas/links.ts';
import { splitTargetKey, targetKey } from '../links/lock.ts';
import { inventoryName } from '../links/objects-inv.ts';

/**
 * What a document that links into the reference checks its links against: the targets of a
 * built site's `links.json` (with their aliases), and the site's base URL when known.
 */
export interface ReferenceInventory {
  /** Where the site is served (`https://example.org/ref/`), or null when only `ref:` links can be told. */
  base: string | null;
  /** Every target by `url` or `url#anchor`, and every alias by its old URL, with the alias named. */
  byKey: Map<string, { target: LinkTarget; alias: string | null }>;
}

/** What a link into the reference comes to. */
export type Resolution =
  | { status: 'ok'; target: LinkTarget }
  | { status: 'moved'; target: LinkTarget; alias: string }
  | { status: 'dead'; reason: string };

/** How long to wait for a site's links.json before giving up, so a dead host never hangs a docs build. */
const FETCH_TIMEOUT_MS = 30_000;

/** The prefix of the shorthand: `ref:<topic>/<slug>#<id>`, `ref:entities/<id>`. */
export const REF_PREFIX = 'ref:';

/** An inventory from parsed links.json; `from` names where it came from, for errors. */
export function inventoryFromLinksJson(json: unknown, from: string, base: string | null = null): ReferenceInventory {
  const parsed = linksJsonSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `  - ${i.path.join('.') || '(root)'}: ${i.message}`).join('\n');
    throw new Error(`${from} is not a links.json this tool reads (version 2):\n${issues}\nPoint --inventory at the links.json of a current build, or at the site's base URL.`);
  }
  const byKey: ReferenceInventory['byKey'] = new Map();
  for (const target of parsed.data.targets) byKey.set(targetKey(target), { target, alias: null });
  for (const target of parsed.data.targets) {
    for (const alias of target.aliases) if (!byKey.has(alias)) byKey.set(alias, { target, alias });
  }
  return { base, byKey };
}

/**
 * Reads the inventory from a links.json file, or from a built site's base URL (its
 * `links.json` is fetched). A failure names the source and what to do.
 */
export async function loadInventory(source: string, base: string | null = null): Promise<ReferenceInventory> {
  if (/^https?:\/\//.test(source)) {
    const site = source.endsWith('/') ? source : `${source}/`;
    const url = absoluteUrl(site, linksJsonPath());
    const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) }).catch((error: unknown) => {
      throw new Error(`Could not fetch ${url} (${error instanceof Error ? error.message : String(error)}). Check the site URL, or pass a links.json file.`);
    });
    if (!response.ok) throw new Error(`${url} answered ${response.status}: is ${site} the root of a built reference site?`);
    return inventoryFromLinksJson(await response.json(), url, base ?? site);
  }
  if (!fs.existsSync(source)) throw new Error(`No inventory at ${source}: pass the links.json of a build (dist/links.json) or the site's URL.`);
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(source, 'utf8'));
  } catch (error) {
    throw new Error(`${source} is not JSON (${error instanceof Error ? error.message : String(error)}): pass the links.json of a build.`, { cause: error });
  }
  return inventoryFromLinksJson(json, source, base);
}

/** The page and anchor a `ref:` name means: `history/a#p-1` -> `history/a.html`, `p-1`. */
function refKey(name: string): { url: string; anchor: string | null } {
  const { url, anchor } = splitTargetKey(name);
  return { url: url.endsWith('.html') ? url : `${url}.html`, anchor };
}

/**
 * What `href` comes to: null when it is not a link into the reference (neither `ref:` nor under
 * the base URL), else ok, moved (an alias: the target it lands on now) or dead.
 */
export function resolveReference(inventory: ReferenceInventory, href: string): Resolution | null {
  let wanted: { url: string; anchor: string | null };
  if (href.startsWith(REF_PREFIX)) wanted = refKey(href.slice(REF_PREFIX.length));
  else {
    const onSite = inventory.base ? pathOnSite(inventory.base, href) : null;
    if (!onSite) return null;
    wanted = { url: onSite.path, anchor: onSite.fragment };
  }
  const found = inventory.byKey.get(targetKey(wanted));
  if (found) return found.alias ? { status: 'moved', target: found.target, alias: found.alias } : { status: 'ok', target: found.target };
  const page = inventory.byKey.get(wanted.url);
  if (page && wanted.anchor) {
    return { status: 'dead', reason: `${page.target.url} has no published anchor "${wanted.anchor}" (only headings and paragraphs of a section body are targets; see its links.json entries)` };
  }
  return { status: 'dead', reason: `no page ${wanted.url} in the reference` };
}

/** Where a target is now, for a document: the absolute URL when the base is known, else the path from the site root. */
export function targetHref(inventory: ReferenceInventory, target: LinkTarget): string {
  const path = target.url as PagePath;
  return inventory.base ? absoluteUrl(inventory.base, path, target.anchor) : rootUrl(path, target.anchor);
}

/** The `ref:` shorthand of a target: `ref:history/a#p-1`. */
export function targetRef(target: LinkTarget): string {
  return `${REF_PREFIX}${inventoryName(target.url, target.anchor)}`;
}
