import { sectionIdPath, sectionPath, type PagePath } from './urls.ts';

/** The little a section needs to say where its old URLs go. */
interface AliasedSection {
  id: string;
  data: { topic: string; aliases: readonly string[] };
}

/**
 * One page per old slug in a section's `aliases`: `<topic>/<old-slug>.html`, sending readers to
 * the section's current page. Old slugs stay in the section's topic.
 */
export function aliasPages<S extends AliasedSection>(sections: readonly S[]): { from: PagePath; to: PagePath; entry: S }[] {
  return sections.flatMap((entry) =>
    entry.data.aliases.map((alias) => ({ from: sectionPath(entry.data.topic, alias), to: sectionIdPath(entry.id), entry })),
  );
}
