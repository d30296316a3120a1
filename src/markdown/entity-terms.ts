import { listContentFiles, fileIdOf } from '../content/load.ts';
import { parseYaml } from '../content/frontmatter.ts';
import { entitySchema, type EntityData } from '../schemas/entity.ts';
import type { EntityTerms } from './entity-matcher.ts';

/** The terms of an entity: its name, then its aliases. */
export const termsOf = (id: string, data: Pick<EntityData, 'name' | 'aliases'>): EntityTerms => ({ id, terms: [data.name, ...data.aliases] });

/**
 * The name and aliases of every valid entity in a content folder, read straight from
 * `entities/*.yaml` (the Markdown pipeline runs outside Astro's collections). Invalid files are
 * left out: the content check has already failed the build on them, naming file and field.
 */
export function loadEntityTerms(dir: string): EntityTerms[] {
  const out: EntityTerms[] = [];
  for (const file of listContentFiles(dir, 'entities', ['.yaml', '.yml'])) {
    const parsed = parseYaml(file.text);
    if (!parsed.ok) continue;
    const result = entitySchema.safeParse(parsed.data);
    if (result.success) out.push(termsOf(fileIdOf(file.relative), result.data));
  }
  return out;
}
