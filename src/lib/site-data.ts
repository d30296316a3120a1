/**
 * Every collection query of the site, run once per build and shared by all pages: sections in
 * topic order, neighbours, entities, sources, and the link graph (related both ways). Pages import
 * from here; nothing else calls getCollection.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { TOPIC_IDS, type TopicId } from '../schemas/topic.ts';
import { buildLinkGraph, relatedBothWays, type LinkGraph } from './link-graph.ts';
import type { MarkdownHeading } from 'astro';
import { fromStoredAnalysis } from '../markdown/stored-analysis.ts';
import { readSectionFacts, readSectionHtml, type SectionFacts } from '../content/section-renders.ts';
import { buildDirs } from './build-dirs.ts';
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
  /** Each section's headings and analysis, as its loader rendered them (src/content/section-renders.ts). */
  facts: Map<string, SectionFacts>;
  /** The build's cache folder, where the sections' HTML is read from. */
  cacheDir: string;
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
  const { cacheDir } = buildDirs();
  const facts = new Map(sections.map((s) => [s.id, readSectionFacts(cacheDir, s.id, digestOf(s))]));
  const graph = buildLinkGraph(
    sections.map((s) => {
      const { analysis } = facts.get(s.id) as SectionFacts;
      return { id: s.id, data: s.data, analysis: fromStoredAnalysis(analysis), repairEntities: analysis.repairEntities };
    }),
    entities.map((e) => ({ id: e.id, data: e.data })),
  );
  const sourceById = new Map(sources.map((s) => [s.id, s]));
  const shownSources = site.sources ? site.sources.flatMap((id) => sourceById.get(id) ?? []) : sources;
  return {
    site,
    shownSources,
    graph,
    facts,
    cacheDir,
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

/** The digest under which a section's loader stored its render. */
function digestOf(entry: SectionEntry): string {
  if (typeof entry.digest !== 'string') throw new Error(`Section ${entry.id} has no digest in the content store; its loader (src/content/loaders.ts) gives every section one.`);
  return entry.digest;
}

/** A section's HTML and headings, for its page (the HTML read now: only pages that render need it). */
export function sectionBody(data: SiteData, entry: SectionEntry): { html: string; headings: MarkdownHeading[] } {
  const facts = data.facts.get(entry.id);
  if (!facts) throw new Error(`Section ${entry.id} is not in the site data.`);
  return { html: readSectionHtml(data.cacheDir, entry.id, digestOf(entry)), headings: facts.headings };
}
