/**
 * Every collection query of the site, run once per build and shared by all pages: sections in
 * topic order, neighbours, entities, sources, and the link graph (related both ways). Pages import
 * from here; nothing else calls getCollection.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { TOPIC_IDS, type TopicId } from '../schemas/topic.ts';
import { buildLinkGraph, relatedBothWays, type LinkGraph } from './link-graph.ts';
import { fromStoredAnalysis, type StoredAnalysis } from '../markdown/stored-analysis.ts';
import { checkedContent } from '../content/checked-content.ts';
import { ContentError } from '../content/content-error.ts';
import { SITE_ENTRY_ID } from '../content/loaders.ts';
import { siteSchema, type SiteSettings } from '../schemas/site.ts';
import { contentDir } from './content-dir.ts';

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
  /** The sources the footer and home page list (site.yaml's \`sources\`, else all, by id). */
  shownSources: SourceEntry[];
  /** The reference's own settings (content/site.yaml, or the defaults). */
  site: SiteSettings;
  /** Mentions, backlinks and related entities, computed once per build (src/lib/link-graph.ts). */
  graph: LinkGraph;
}

let cached: { sections: unknown; promise: Promise<SiteData> } | undefined;

/**
 * The site's data, computed on first use and reused by every page of the build. In dev it is
 * computed again when the content changed, and a content folder with problems throws the
 * project's report, which Astro shows in the browser's error overlay.
 */
export async function siteData(): Promise<SiteData> {
  if (import.meta.env.DEV) {
    const checked = checkedContent(contentDir());
    if (checked.problems.length) throw new ContentError(checked.dir, checked.problems);
  }
  // getCollection() returns a new array on every call, so the identity test below never holds: in a build, where content cannot change, keep the first result.
  if (cached && !import.meta.env.DEV) return cached.promise;
  const sections = await getCollection('sections');
  if (cached?.sections !== sections) cached = { sections, promise: load(sections) };
  return cached.promise;
}

async function load(allSections: SectionEntry[]): Promise<SiteData> {
  const [entities, sources, siteEntries] = await Promise.all([
    getCollection('entities'),
    getCollection('sources'),
    getCollection('site'),
  ]);
  const site = siteEntries.find((e) => e.id === SITE_ENTRY_ID)?.data ?? siteSchema.parse({});
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
    sections.map((s) => ({ id: s.id, data: s.data, analysis: analysisOf(s) })),
    entities.map((e) => ({ id: e.id, data: e.data })),
  );
  const sourceById = new Map(sources.map((s) => [s.id, s]));
  const shownSources = site.sources ? site.sources.flatMap((id) => sourceById.get(id) ?? []) : sources;
  return {
    site,
    shownSources,
    graph,
    byTopic,
    sections,
    sectionById,
    indexInTopic,
    related,
    entities,
    entityById: new Map(entities.map((e) => [e.id, e])),
    sources,
    sourceById,
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

/** What a section's body holds (paragraphs, mentions, repair marks, links), stored by its loader. */
function analysisOf(entry: SectionEntry) {
  const stored = entry.rendered?.metadata?.['analysis'] as StoredAnalysis | undefined;
  if (!stored) throw new Error(`Section ${entry.id} has no analysis in the content store; its loader (src/content/loaders.ts) stores one with every rendered section.`);
  return fromStoredAnalysis(stored);
}
