import fs from 'node:fs';
import path from 'node:path';
import { linksSchemaPath, objectsInvPath, type PagePath } from '../lib/urls.ts';
import { linksJsonSchemaDocument, type LinkTarget } from '../schemas/links.ts';
import { writeLinksJson } from './link-targets.ts';
import { formatObjectsInv, inventoryEntries } from './objects-inv.ts';
import { loadPublishedLinks, publishedLinksKey, savePublishedLinks } from './published-links-cache.ts';

/**
 * Writes what other documents link by, from one list of targets, into the output folder:
 * `links.json`, its JSON Schema `links.schema.json`, and `objects.inv` (Sphinx's inventory, for
 * intersphinx, named `siteName`). Returns the paths written, from the site root. With `keptFile`
 * (published-links-cache.ts), the bytes kept for the same targets are written instead of made again.
 */
export function writePublishedLinks(dir: string, targets: readonly LinkTarget[], siteName: string, keptFile?: string): PagePath[] {
  const key = keptFile === undefined ? undefined : publishedLinksKey(targets, siteName);
  const kept = keptFile === undefined || key === undefined ? undefined : loadPublishedLinks(keptFile, key);
  if (kept) {
    for (const [file, bytes] of kept) fs.writeFileSync(path.join(dir, file), bytes);
    return kept.map(([file]) => file);
  }
  const linksJson = writeLinksJson(dir, targets);
  fs.writeFileSync(path.join(dir, linksSchemaPath()), `${JSON.stringify(linksJsonSchemaDocument(), null, 2)}\n`);
  fs.writeFileSync(path.join(dir, objectsInvPath()), formatObjectsInv({ name: siteName, version: '' }, inventoryEntries(targets)));
  const written = [path.relative(dir, linksJson) as PagePath, linksSchemaPath(), objectsInvPath()];
  if (keptFile !== undefined && key !== undefined) savePublishedLinks(keptFile, key, dir, written);
  return written;
}
