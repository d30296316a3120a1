import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { entitySchema } from '../schemas/entity.ts';
import { evidenceSchema, repairSchema } from '../schemas/repair.ts';
import { datedFactSchema } from '../schemas/base.ts';
import { sectionSchema, type SectionData } from '../schemas/section.ts';
import { siteSchema, type SiteSettings } from '../schemas/site.ts';
import { SITE_FILE } from './site-settings.ts';
import { sourceSchema, type SourceData } from '../schemas/source.ts';
import type { EntityData } from '../schemas/entity.ts';
import { topicSchemas } from '../schemas/topics.ts';
import { TOPIC_IDS, type TopicId } from '../schemas/topic.ts';
import { parseFrontmatter, parseYaml, type YamlParser } from './frontmatter.ts';
import { bodyReadingText, fileIdOf, listContentFiles, readText, sectionIdOf, type ContentFile } from './load.ts';
import { closest, describeValue, problemsFromZod, type Problem } from './problems.ts';
import { ambiguousTermProblems, type EntityFile } from './entity-terms-check.ts';
import { oldUrlProblems } from './old-urls-check.ts';
import { sourceTextFile } from '../lib/source-text.ts';

/** What a valid content folder holds, after validation. */
export interface ValidatedContent {
  /** Valid sections by id: the file as shown in messages, its absolute path and text, the parsed data and body. */
  sections: Map<string, ValidSection>;
  /** Every entity file's id (valid or not: each is a reference target). */
  entityIds: Set<string>;
  /** Every valid source manifest's id. */
  sourceIds: Set<string>;
  /** Valid entities by id. */
  entities: Map<string, { file: string; data: EntityData }>;
  /** Valid source manifests by id. */
  sources: Map<string, { file: string; data: SourceData }>;
  /** `site.yaml`, or the defaults when it is absent or invalid. */
  site: SiteSettings;
}

export interface ValidSection {
  file: string;
  absolute: string;
  /** The file's text, as read. */
  text: string;
  data: SectionData;
  body: string;
  /** The file line the body starts on. */
  bodyStartLine: number;
}

export { SITE_FILE };

/**
 * Validates every file in a content folder and every reference between them, collecting all
 * problems rather than stopping at the first, so one build run lists everything to fix.
 */
export function validateContent(dir: string, yaml: YamlParser = parseYaml): { problems: Problem[]; content: ValidatedContent } {
  const problems: Problem[] = [];
  const shown = (relative: string) => path.join(path.basename(dir), relative).split(path.sep).join('/');
  const content: ValidatedContent = { sections: new Map(), entityIds: new Set(), sourceIds: new Set(), entities: new Map(), sources: new Map(), site: siteSchema.parse({}) };

  const siteFile = path.join(dir, SITE_FILE);
  if (fs.existsSync(siteFile)) {
    const read = readText(fs.readFileSync(siteFile));
    const site = read.unreadable
      ? (problems.push({ file: shown(SITE_FILE), field: '(file)', expected: 'a text file in UTF-8', found: read.unreadable, hint: 'save the file as UTF-8 text.' }), undefined)
      : checkYaml(SITE_FILE, read.text, siteSchema, shown, problems, yaml);
    if (site) content.site = site;
  }

  const readable = (files: ContentFile[]) => files.filter((file) => {
    if (file.unreadable === undefined) return true;
    problems.push({ file: shown(file.relative), field: '(file)', expected: 'a text file in UTF-8', found: file.unreadable, hint: 'save the file as UTF-8 text, or remove it if it does not belong in the content folder.' });
    return false;
  });

  for (const file of readable(listContentFiles(dir, 'sources', ['.yaml', '.yml']))) {
    const data = checkYaml(file.relative, file.text, sourceSchema, shown, problems, yaml);
    if (data === undefined) continue;
    const id = fileIdOf(file.relative);
    content.sourceIds.add(id);
    content.sources.set(id, { file: shown(file.relative), data });
    if (!fs.existsSync(sourceTextFile(id, dir))) {
      problems.push({ file: shown(file.relative), field: '(file)', expected: `the scraped text beside it as sources/${id}.txt`, found: 'no such file', hint: `put the text at ${shown(`sources/${id}.txt`)}, or run npm run ingest.` });
    }
  }

  // Every entity file is a reference target even when invalid: its own problems are reported
  // once, not again by each section that names it.
  const allEntityFiles = listContentFiles(dir, 'entities', ['.yaml', '.yml']);
  for (const file of allEntityFiles) content.entityIds.add(fileIdOf(file.relative));
  const entityFiles = readable(allEntityFiles);
  const validEntities: EntityFile[] = [];
  const formerIds: { file: string; id: string; formerIds: string[] }[] = [];
  for (const file of entityFiles) {
    const data = checkYaml(file.relative, file.text, entitySchema, shown, problems, yaml);
    if (data) {
      validEntities.push({ file: shown(file.relative), id: fileIdOf(file.relative), data });
      content.entities.set(fileIdOf(file.relative), { file: shown(file.relative), data });
      formerIds.push({ file: shown(file.relative), id: fileIdOf(file.relative), formerIds: data.formerIds });
    }
    data?.related.forEach((ref, i) => {
      if (!content.entityIds.has(ref)) problems.push(dangling(shown(file.relative), `related.${i}`, ref, 'entity', [...content.entityIds]));
    });
  }
  problems.push(...ambiguousTermProblems(validEntities));

  const sectionFiles = listContentFiles(dir, 'sections', ['.mdx', '.md']);
  // Every section file counts as a reference target, even an invalid one, so one bad file is
  // reported once rather than again by every section that links to it.
  const sectionIds = new Set(sectionFiles.map((f) => sectionIdOf(f.relative)));
  for (const file of readable(sectionFiles)) {
    const shownFile = shown(file.relative);
    const parsed = parseFrontmatter(file.text, yaml);
    if (!parsed.ok) {
      problems.push({ file: shownFile, field: '(frontmatter)', expected: 'valid YAML between two "---" lines', found: parsed.message, hint: parsed.hint ?? 'fix the YAML syntax on that line (indentation, a missing colon, an unclosed quote).', line: parsed.line });
      continue;
    }
    const result = sectionSchema.safeParse(parsed.data, { reportInput: true });
    if (!result.success) {
      problems.push(...problemsFromZod(shownFile, result.error.issues, parsed.data, (p) => knownSectionKeys(parsed.data, p)));
      continue;
    }
    content.sections.set(sectionIdOf(file.relative), { file: shownFile, absolute: file.absolute, text: file.text, data: result.data, body: parsed.body, bodyStartLine: parsed.bodyStartLine });
  }

  for (const [id, { file, data, body }] of content.sections) {
    const folderTopic = id.split('/')[0];
    if (folderTopic !== data.topic) {
      problems.push({ file, field: 'topic', expected: `"${folderTopic}", the folder the file is in`, found: `"${data.topic}"`, hint: `move the file to sections/${data.topic}/, or set topic: ${folderTopic}.` });
    }
    if (!content.sourceIds.has(data.source)) {
      problems.push(dangling(file, 'source', data.source, 'source', [...content.sourceIds]));
    }
    data.related.forEach((ref, i) => {
      if (!sectionIds.has(ref)) problems.push(dangling(file, `related.${i}`, ref, 'section', [...sectionIds]));
      if (ref === id) problems.push({ file, field: `related.${i}`, expected: 'another section', found: 'the section itself', hint: 'remove it from related.' });
    });
    for (const [field, ids] of entityFields(data)) {
      ids.forEach((ref, i) => {
        if (!content.entityIds.has(ref)) problems.push(dangling(file, `${field}${field === 'actor' ? '' : `.${i}`}`, ref, 'entity', [...content.entityIds]));
      });
    }
    const text = bodyReadingText(body);
    data.repairs.forEach((repair, i) => {
      const count = text.split(repair.after).length - 1;
      if (count !== 1) {
        problems.push({
          file,
          field: `repairs.${i}.after`,
          expected: 'text that occurs exactly once in the body',
          found: `${JSON.stringify(repair.after)} occurring ${count} times`,
          hint: count === 0 ? 'copy the words exactly as they stand in the body, just before the gap.' : 'quote more of the words before the gap, until they occur only once.',
        });
      }
    });
  }
  content.site.sources?.forEach((ref, i) => {
    if (!content.sourceIds.has(ref)) problems.push(dangling(shown(SITE_FILE), `sources.${i}`, ref, 'source', [...content.sourceIds]));
  });
  problems.push(...oldUrlProblems(content.sections, formerIds));
  return { problems, content };
}

function checkYaml<S extends z.ZodType>(relative: string, text: string, schema: S, shown: (r: string) => string, problems: Problem[], yaml: YamlParser): z.output<S> | undefined {
  const parsed = yaml(text);
  if (!parsed.ok) {
    problems.push({ file: shown(relative), field: '(file)', expected: 'valid YAML', found: parsed.message, hint: 'fix the YAML syntax on that line.', line: parsed.line });
    return undefined;
  }
  const result = schema.safeParse(parsed.data, { reportInput: true });
  if (!result.success) {
    problems.push(...problemsFromZod(shown(relative), result.error.issues, parsed.data, () => objectKeys(schema)));
    return undefined;
  }
  return result.data;
}

function dangling(file: string, field: string, ref: string, kind: string, available: string[]): Problem {
  const nearest = closest(ref, available);
  const near = nearest ? [nearest] : available.filter((a) => a.startsWith(ref) || ref.startsWith(a)).slice(0, 3);
  return {
    file,
    field,
    expected: `the id of an existing ${kind}`,
    found: `"${ref}", which does not exist`,
    hint: near.length ? `did you mean ${near.map((n) => `"${n}"`).join(' or ')}?` : `use one of the ${kind} ids in content/${kind === 'section' ? 'sections' : `${kind === 'entity' ? 'entities' : 'sources'}`}/, or create it.`,
  };
}

/** The entity ids a section names in its frontmatter, field by field (also used by the link graph). */
export function entityFields(data: SectionData): [string, string[]][] {
  const fields: [string, string[]][] = [['entities', data.entities]];
  if (data.topic === 'nato-stance') fields.push(['actors', data.actors], ['places', data.places], ['treaties', data.treaties]);
  if (data.topic === 'history') fields.push(['actors', data.actors]);
  if (data.topic === 'cooperation') fields.push(['participants', data.participants]);
  if (data.topic === 'us-policy') fields.push(['actor', [data.actor]]);
  return fields;
}

function objectKeys(schema: z.ZodType): string[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

function knownSectionKeys(data: unknown, p: readonly PropertyKey[]): string[] {
  const topic = (data as { topic?: unknown } | null)?.topic;
  const schema = TOPIC_IDS.includes(topic as TopicId) ? topicSchemas[topic as TopicId] : topicSchemas.history;
  if (p.length === 0) return objectKeys(schema);
  if (p[0] === 'repairs' && p.length === 2) return objectKeys(repairSchema);
  if (p[0] === 'repairs' && p[2] === 'evidence') return objectKeys(evidenceSchema);
  if (p[0] === 'dates') return objectKeys(datedFactSchema);
  return [];
}

export { describeValue };
