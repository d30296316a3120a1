import { termKey } from '../markdown/entity-matcher.ts';
import type { EntityData } from '../schemas/entity.ts';
import type { Problem } from './problems.ts';

/** A valid entity file, for the check below. */
export interface EntityFile {
  /** The file as shown in messages. */
  file: string;
  id: string;
  data: Pick<EntityData, 'name' | 'aliases'>;
}

/**
 * Finds names and aliases that two entities share (ignoring case and spacing, as the mention
 * matcher does): a mention of such a term could not be linked to one page, so each is reported
 * on the later file, naming the field and the entity that has it already.
 */
export function ambiguousTermProblems(entities: readonly EntityFile[]): Problem[] {
  const owners = new Map<string, { id: string; field: string }>();
  const problems: Problem[] = [];
  for (const entity of entities) {
    const terms: [string, string][] = [['name', entity.data.name], ...entity.data.aliases.map((a, i): [string, string] => [`aliases.${i}`, a])];
    for (const [field, term] of terms) {
      const key = termKey(term);
      const owner = owners.get(key);
      if (owner === undefined) owners.set(key, { id: entity.id, field });
      else if (owner.id !== entity.id) {
        problems.push({
          file: entity.file,
          field,
          expected: 'a name or alias no other entity uses, so each mention links to one page',
          found: `"${term}", already the ${owner.field.startsWith('aliases') ? 'alias' : 'name'} of entity "${owner.id}"`,
          hint: `remove it here or from entities/${owner.id}.yaml.`,
        });
      }
    }
  }
  return problems;
}
