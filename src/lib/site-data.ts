/**
 * Every collection query of the site, run once per build and shared by all pages: sections in
 * topic order, neighbours, entities, sources, and the link graph (related both ways). Pages import
 * from here; nothing else calls getCollection.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { TOPIC_IDS, type TopicId } from '../schemas/topic.ts';
import { buildLinkGraph, relatedBothWays, type LinkGraph } from './link-graph.ts';
import { recordedAnalysis } from '../markdown/record-analysis.ts';
import { createSectionAnalyser, type SectionAnalysis } from '../markdown/analyse-section.ts';
import { createEntityMatcher } from '../markdown/entity-matcher.ts';
import { termsOf } from '../markdown/entity-terms.ts';
import { contentDir } from './content-dir.ts';
import { sectionIdPath } from './urls.ts';
import path from 'node:path';

export type SectionEntry = CollectionEntry<'sections'>;
export type EntityEntry = CollectionEntry<'entities'>;
export type SourceEntry = CollectionEntry<'sources'>;

export interface SiteData {
  /** Sections of each topic, in reading order. */
  byTopic: Map<TopicId, SectionEntry[]>;
  /** All sections, topic by topic. */
  sections: SectionEntry[];
  sectionById: Map<string, SectionEntry>;
  /** Position of each section within its topic. */
  indexInTopic: Map<string, number>;
  /** Related sections of each section: declared on either side, each pair once. */
  related: Map<string, SectionEntry[]>;
  entities: EntityEntry[];
  entityById: Map<string, EntityEntry>;
  sources: SourceEntry[];
  sourceById: Map<string, SourceEntry>;
  /** Mentions, backlinks and related entities, computed once per build (src/lib/link-graph.ts). */
  graph: LinkGraph;
}

let cached: Promise<SiteData> | undefined;

/** The site's data, computed on first use and reused by every page of the build. */
export function siteData(): Promise<SiteData> {
  cached ??= load();
  return cached;
}

async function load(): Promise<SiteData> {
  const [allSections, entities, sources] = await Promise.all([
    getCollection('sections'),
    getCollection('entities'),
    getCollection('sources'),
  ]);
  const byTopic = new Map<TopicId, SectionEntry[]>(TOPIC_IDS.map((t) => [t, []]));
  for (const entry of allSections) byTopic.get(entry.data.topic)?.push(entry);
  const indexInTopic = new Map<string, number>();
  for (const list of byTopic.values()) {
    list.sort(compareSections);
    list.forEach((entry, i) => indexInTopic.set(entry.id, i));
  }
  const sections = TOPIC_IDS.flatMap((t) => byTopic.get(t) ?? []);
  const sectionById = new Map(sections.map((s) => [s.id, s]));

  const relatedIds = relatedBothWays(sections);
  const related = new Map<string, SectionEntry[]>(sections.map((s) => [
    s.id,
    (relatedIds.get(s.id) ?? []).map((r) => sectionById.get(r)).filter((r): r is SectionEntry => r !== undefined),
  ]));

  entities.sort((a, b) => a.data.name.localeCompare(b.data.name, 'en'));
  sources.sort((a, b) => a.id.localeCompare(b.id));
  const graph = buildLinkGraph(
    analyseSections(sections, entities),
    entities.map((e) => ({ id: e.id, data: e.data })),
  );
  return {
    graph,
    byTopic,
    sections,
    sectionById,
    indexInTopic,
    related,
    entities,
    entityById: new Map(entities.map((e) => [e.id, e])),
    sources,
    sourceById: new Map(sources.map((s) => [s.id, s])),
  };
}

function compareSections(a: SectionEntry, b: SectionEntry): number {
  const ao = a.data.order ?? Number.MAX_SAFE_INTEGER;
  const bo = b.data.order ?? Number.MAX_SAFE_INTEGER;
  return ao - bo || a.data.title.localeCompare(b.data.title, 'en') || a.id.localeCompare(b.id);
}

/** The sections around `id` in its topic: at most `radius` before and after, so navigation stays bounded. */
export function neighbourWindow(data: SiteData, id: string, radius = 3): { before: SectionEntry[]; after: SectionEntry[]; previous?: SectionEntry | undefined; next?: SectionEntry | undefined } {
  const entry = data.sectionById.get(id);
  if (!entry) return { before: [], after: [] };
  const list = data.byTopic.get(entry.data.topic) ?? [];
  const i = data.indexInTopic.get(id) ?? 0;
  return {
    before: list.slice(Math.max(0, i - radius), i),
    after: list.slice(i + 1, i + 1 + radius),
    previous: list[i - 1],
    next: list[i + 1],
  };
}

/**
 * Each section with what its body holds: recorded by its MDX compile in this process
 * (`record-analysis.ts`), else, for a body not compiled yet (dev mode) or changed since, parsed
 * again through the same plugins. A production build compiles every body first, so it parses
 * none again; it says so if it had to, since that costs ~2.4 s per 1,000 sections.
 */
function analyseSections(sections: readonly SectionEntry[], entities: readonly EntityEntry[]) {
  let analyse: ReturnType<typeof createSectionAnalyser> | undefined;
  let parsed = 0;
  const out = sections.map((s) => {
    const filePath = path.resolve(s.filePath ?? path.join(contentDir(), 'sections', `${s.id}.mdx`));
    const body = bodyOf(s);
    let analysis: SectionAnalysis | undefined = recordedAnalysis(filePath, body, s.data.repairs);
    if (!analysis) {
      analyse ??= createSectionAnalyser(createEntityMatcher(entities.map((e) => termsOf(e.id, e.data))));
      analysis = analyse({ filePath, page: sectionIdPath(s.id), body, frontmatter: { repairs: s.data.repairs } });
      parsed++;
    }
    return { id: s.id, data: s.data, analysis };
  });
  if (parsed > 0 && import.meta.env.PROD) {
    console.warn(`[link-graph] ${parsed} of ${sections.length} sections had no analysis recorded by their MDX compile and were parsed again.`);
  }
  return out;
}

/** A section's MDX body; the link graph reads it, so a missing one is an error, never an empty graph. */
function bodyOf(entry: SectionEntry): string {
  if (entry.body === undefined) throw new Error(`Section ${entry.id} (${entry.filePath ?? 'unknown file'}) has no body in the content collection, so its mentions cannot be found.`);
  return entry.body;
}
