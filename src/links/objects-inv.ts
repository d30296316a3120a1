import { deflateSync } from 'node:zlib';
import { rootUrl, type PagePath } from '../lib/urls.ts';
import type { LinkTarget } from '../schemas/links.ts';
import { splitTargetKey } from './lock.ts';

/**
 * Sphinx's inventory format, version 2 (`objects.inv`), as intersphinx reads it: four plain
 * header lines, then zlib-compressed lines `name domain:role priority uri dispname`.
 * Format: sphinx/util/inventory.py (InventoryFile.load_v2 / dump).
 */

/** One object of the inventory. */
export interface InventoryEntry {
  /** What `:ref:` names: `history/revolution-and-recognition#p-resumed`. No whitespace. */
  name: string;
  /** `std:label` for things `:ref:` reaches, `std:doc` for pages (`:doc:`). */
  role: 'std:label' | 'std:doc';
  /** Sphinx's search priority; -1 keeps the object out of full-text search, as Sphinx does for labels. */
  priority: number;
  /** From the site root: `history/a.html#p-1`. intersphinx joins it to the mapping's base. */
  uri: string;
  /** What a `:ref:` without its own text shows. */
  dispname: string;
}

/** The name of a page or anchor in the inventory: the path without `.html`, then `#anchor`. */
export function inventoryName(url: string, anchor: string | null): string {
  return `${url.replace(/\.html$/, '')}${anchor ? `#${anchor}` : ''}`;
}

/** Sections (`<topic>/<slug>.html`) and entities (`entities/<id>.html`) get labels; other pages only docs. */
function isLabelledPage(target: LinkTarget): boolean {
  return (target.topic !== null && target.url.includes('/')) || target.url.startsWith('entities/');
}

/**
 * The inventory of a site from its links.json targets: a `std:doc` per page; a `std:label` per
 * section, entity, heading and paragraph; and one more label per alias (an old URL), pointing at
 * where it lands now. Label names are lower-case, since Sphinx lower-cases `:ref:` targets.
 */
export function inventoryEntries(targets: readonly LinkTarget[]): InventoryEntry[] {
  const entries: InventoryEntry[] = [];
  const seen = new Set<string>();
  const add = (entry: InventoryEntry) => {
    const key = `${entry.role} ${entry.name}`;
    if (seen.has(key)) return;
    seen.add(key);
    entries.push(entry);
  };
  for (const target of targets) {
    const uri = rootUrl(target.url as PagePath, target.anchor);
    const dispname = target.title;
    if (target.kind === 'page') add({ name: inventoryName(target.url, null), role: 'std:doc', priority: -1, uri, dispname });
    if (target.kind !== 'page' || isLabelledPage(target)) {
      for (const { url, anchor } of [{ url: target.url, anchor: target.anchor }, ...target.aliases.map(splitTargetKey)]) {
        add({ name: inventoryName(url, anchor).toLowerCase(), role: 'std:label', priority: -1, uri, dispname });
      }
    }
  }
  return entries;
}

/** One line of the inventory; whitespace in a title is collapsed, an empty title is `-` (the name). */
function entryLine(entry: InventoryEntry): string {
  if (/\s/.test(entry.name)) throw new Error(`objects.inv: the name "${entry.name}" has whitespace, which the format cannot hold; give the target an id without spaces.`);
  const dispname = entry.dispname.replace(/\s+/g, ' ').trim() || '-';
  return `${entry.name} ${entry.role} ${entry.priority} ${entry.uri.replace(/\s/g, encodeURIComponent)} ${dispname}`;
}

/** The bytes of `objects.inv` for a project. */
export function formatObjectsInv(project: { name: string; version: string }, entries: readonly InventoryEntry[]): Buffer {
  const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
  const header = [
    '# Sphinx inventory version 2',
    `# Project: ${oneLine(project.name)}`,
    `# Version: ${oneLine(project.version)}`,
    '# The remainder of this file is compressed using zlib.',
    '',
  ].join('\n');
  const body = entries.map((entry) => `${entryLine(entry)}\n`).join('');
  return Buffer.concat([Buffer.from(header, 'utf8'), deflateSync(Buffer.from(body, 'utf8'))]);
}
