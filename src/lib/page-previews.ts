/**
 * Which previews each page needs: what a section or entity page links to. Separate from
 * previews.ts because it reads the site's collections (astro:content), which plain Node tests
 * cannot import.
 */
import { neighbourWindow, type EntityEntry, type SectionEntry, type SiteData } from './site-data.ts';
import { previewsFor, type Preview } from './previews.ts';
import { entityFields } from '../content/validate.ts';
import { entityPath, sectionIdPath } from './urls.ts';

/** What a section page links to: related sections, its neighbours, the fact box's and the text's entities. */
export function sectionPreviews(data: SiteData, entry: SectionEntry): Preview[] {
  const window = neighbourWindow(data, entry.id);
  const related = data.related.get(entry.id) ?? [];
  return previewsFor(data, sectionIdPath(entry.id), {
    sections: [...related.map((s) => s.id), window.previous?.id, window.next?.id].filter((id): id is string => id !== undefined),
    entities: [...entityFields(entry.data).flatMap(([, ids]) => ids), ...(data.graph.linkedFrom.get(entry.id) ?? [])],
  });
}

/** What an entity page links to: the sections mentioning it and its related entities. */
export function entityPreviews(data: SiteData, entry: EntityEntry): Preview[] {
  const mentions = data.graph.mentions.get(entry.id) ?? [];
  return previewsFor(data, entityPath(entry.id), {
    sections: mentions.map((m) => m.sectionId),
    entities: data.graph.relatedEntities.get(entry.id) ?? [],
  });
}
