import fs from 'node:fs';
import path from 'node:path';
import { parseFrontmatter, parseYaml } from '../content/frontmatter.ts';
import { fileIdOf, listContentFiles, sectionIdOf } from '../content/load.ts';
import { entitySchema } from '../schemas/entity.ts';
import type { EntityInfo } from './topic-fields.ts';

/** What ingest needs to know of a content folder before planning. */
export interface ContentState {
  entities: EntityInfo[];
  /** Section ids held by files ingest must not replace. */
  takenSectionIds: string[];
  /** Draft sections of this source from an earlier ingest (content-relative paths): replaced under --force. */
  earlierDrafts: string[];
  /** Entities whose YAML did not validate: listed so the user knows they were not used. */
  skippedEntities: string[];
}

/** Reads entities and sections of `dir` (missing folders are empty). */
export function readContentState(dir: string, sourceId: string): ContentState {
  const state: ContentState = { entities: [], takenSectionIds: [], earlierDrafts: [], skippedEntities: [] };
  for (const file of listContentFiles(dir, 'entities', ['.yaml', '.yml'])) {
    const parsed = parseYaml(file.text);
    const entity = parsed.ok ? entitySchema.safeParse(parsed.data) : undefined;
    if (!entity?.success) {
      state.skippedEntities.push(file.relative);
      continue;
    }
    state.entities.push({ id: fileIdOf(file.relative), kind: entity.data.kind, name: entity.data.name, aliases: entity.data.aliases, dates: entity.data.dates });
  }
  for (const file of listContentFiles(dir, 'sections', ['.mdx', '.md'])) {
    const parsed = parseFrontmatter(file.text);
    const data = parsed.ok && parsed.data !== null && typeof parsed.data === 'object' ? (parsed.data as Record<string, unknown>) : {};
    if (data.source === sourceId && data.draft === true) state.earlierDrafts.push(file.relative);
    else state.takenSectionIds.push(sectionIdOf(file.relative));
  }
  return state;
}

/** True when `relative` exists in `dir`. */
export const existsIn = (dir: string, relative: string): boolean => fs.existsSync(path.join(dir, relative));
