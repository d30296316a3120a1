import { entityPath, sectionIdPath, sectionPath, type PagePath } from './urls.ts';

/** The little a section needs to say where its old URLs go. */
interface AliasedSection {
  id: string;
  data: { topic: string; aliases: readonly string[] };
}

/** The little an entity needs to say where its old URLs go. */
interface RenamedEntity {
  id: string;
  data: { formerIds: readonly string[] };
}

/** The section id an alias stands for: `<topic>/<old-slug>` as written, or an old slug in `topic`. */
export const aliasSectionId = (topic: string, alias: string): string => (alias.includes('/') ? alias : `${topic}/${alias}`);

/**
 * One page per entry of a section's `aliases`, sending readers to the section's current page:
 * `<topic>/<old-slug>.html` for an old slug, or the named `<other-topic>/<old-slug>.html` for a
 * section that moved from another topic.
 */
export function aliasPages<S extends AliasedSection>(sections: readonly S[]): { from: PagePath; to: PagePath; entry: S }[] {
  return sections.flatMap((entry) =>
    entry.data.aliases.map((alias) => {
      const [topic = '', slug = ''] = aliasSectionId(entry.data.topic, alias).split('/');
      return { from: sectionPath(topic, slug), to: sectionIdPath(entry.id), entry };
    }),
  );
}

/** One page per former id of an entity, `entities/<old-id>.html`, sending readers to its page. */
export function formerEntityPages<E extends RenamedEntity>(entities: readonly E[]): { from: PagePath; to: PagePath; entry: E }[] {
  return entities.flatMap((entry) => entry.data.formerIds.map((old) => ({ from: entityPath(old), to: entityPath(entry.id), entry })));
}
