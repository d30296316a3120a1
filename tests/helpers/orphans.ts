import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { bodyReadingText } from '../../src/content/load.ts';
import { entityFields, validateContent } from '../../src/content/validate.ts';
import { createEntityMatcher } from '../../src/markdown/entity-matcher.ts';
import { termsOf } from '../../src/markdown/entity-terms.ts';

/**
 * Test setup for edits that delete sections: removes the entity files no section names any more
 * (in its text, its repairs or its fact box), as an editor would after deleting the last section
 * about something, and takes them out of other entities' `related` lists. Returns the ids removed.
 */
export function removeOrphanEntities(dir: string): string[] {
  const { content } = validateContent(dir);
  const matcher = createEntityMatcher([...content.entities].map(([id, { data }]) => termsOf(id, data)));
  const named = new Set<string>();
  for (const section of content.sections.values()) {
    for (const [, ids] of entityFields(section.data)) for (const id of ids) named.add(id);
    const repairText = section.data.repairs.flatMap((r) => [r.insert ?? '', r.note ?? '']).join('\n');
    for (const m of matcher.find(`${bodyReadingText(section.body)}\n${repairText}`)) named.add(m.entityId);
  }
  const orphans = [...content.entities.keys()].filter((id) => !named.has(id));
  for (const id of orphans) fs.rmSync(path.join(dir, 'entities', `${id}.yaml`));
  for (const id of content.entities.keys()) {
    if (orphans.includes(id)) continue;
    const file = path.join(dir, 'entities', `${id}.yaml`);
    const doc = parseDocument(fs.readFileSync(file, 'utf8'));
    const related = doc.get('related') as { items?: { value?: unknown }[] } | undefined;
    const before = related?.items?.length ?? 0;
    if (!related?.items) continue;
    related.items = related.items.filter((item) => !orphans.includes(String(item.value ?? item)));
    if (related.items.length !== before) fs.writeFileSync(file, doc.toString());
  }
  return orphans;
}
