import fs from 'node:fs';
import path from 'node:path';
import { linksSchemaPath, objectsInvPath, type PagePath } from '../lib/urls.ts';
import { linksJsonSchemaDocument, type LinkTarget } from '../schemas/links.ts';
import { writeLinksJson } from './link-targets.ts';
import { formatObjectsInv, inventoryEntries } from './objects-inv.ts';

/**
 * Writes what other documents link by, from one list of targets, into the output folder:
 * `links.json`, its JSON Schema `links.schema.json`, and `objects.inv` (Sphinx's inventory, for
 * intersphinx, named `siteName`). Returns the paths written, from the site root.
 */
export function writePublishedLinks(dir: string, targets: readonly LinkTarget[], siteName: string): PagePath[] {
  const linksJson = writeLinksJson(dir, targets);
  fs.writeFileSync(path.join(dir, linksSchemaPath()), `${JSON.stringify(linksJsonSchemaDocument(), null, 2)}\n`);
  fs.writeFileSync(path.join(dir, objectsInvPath()), formatObjectsInv({ name: siteName, version: '' }, inventoryEntries(targets)));
  return [path.relative(dir, linksJson) as PagePath, linksSchemaPath(), objectsInvPath()];
}
