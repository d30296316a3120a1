import { aliasSectionId } from '../lib/aliases.ts';
import type { Problem } from './problems.ts';

/** What the check needs of a section: its file (as shown), its topic and its aliases. */
interface SectionAliases {
  file: string;
  data: { topic: string; aliases: readonly string[] };
}

/** What the check needs of an entity: its file (as shown), its id and its former ids. */
interface EntityFormerIds {
  file: string;
  id: string;
  formerIds: readonly string[];
}

/**
 * Old URLs kept alive by a page that sends readers on must be free: a section alias (an old slug,
 * or `<topic>/<old-slug>` for a move between topics) may not be a current section's id or another
 * section's alias; an entity's former id may not be a current entity or another's former id.
 * Otherwise two pages would claim one URL.
 */
export function oldUrlProblems(sections: ReadonlyMap<string, SectionAliases>, entities: readonly EntityFormerIds[]): Problem[] {
  const problems: Problem[] = [];
  const claimed = new Map<string, string>();
  for (const [id, { file, data }] of sections) {
    data.aliases.forEach((alias, i) => {
      const old = aliasSectionId(data.topic, alias);
      const field = `aliases.${i}`;
      if (sections.has(old)) {
        const hint = old === id ? 'remove it: a section needs no alias for its own URL.' : 'remove the alias, or rename the other section.';
        problems.push({ file, field, expected: 'an old URL no current section uses', found: `"${alias}", the URL of the section ${old}`, hint });
      } else if (claimed.has(old)) {
        problems.push({ file, field, expected: 'an old URL no other section claims', found: `"${alias}", already an alias of ${claimed.get(old) ?? ''}`, hint: 'keep the alias on the one section the old URL should lead to.' });
      } else claimed.set(old, id);
    });
  }
  const entityIds = new Set(entities.map((e) => e.id));
  const formerOf = new Map<string, string>();
  for (const { file, id, formerIds } of entities) {
    formerIds.forEach((old, i) => {
      const field = `formerIds.${i}`;
      if (entityIds.has(old)) {
        problems.push({ file, field, expected: 'an earlier id no current entity has', found: `"${old}", the id of entities/${old}.yaml`, hint: old === id ? 'remove it: an entity needs no alias for its own id.' : 'remove it, or rename the other entity.' });
      } else if (formerOf.has(old)) {
        problems.push({ file, field, expected: 'an earlier id no other entity claims', found: `"${old}", already a former id of ${formerOf.get(old) ?? ''}`, hint: 'keep it on the one entity the old URL should lead to.' });
      } else formerOf.set(old, id);
    });
  }
  return problems;
}
