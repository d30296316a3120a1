/**
 * The `cacheKey` of each generated page (Astro's incremental build): a hash of everything the page
 * shows, so a page is rendered again exactly when something it shows changed, and reused from the
 * previous build otherwise. Astro adds the page's code (its module graph) to the key itself.
 *
 * Each key is built from the same site data the page renders from (src/lib/site-data.ts): a
 * section page from its entry (the digest its loader stored covers its HTML), its neighbours in
 * the topic, related sections and backlinks, the entities it names or links, its source; plus what
 * every page shows or may name (the site's settings, every source's title, the citation date,
 * SITE_URL). Too much in a
 * key only costs a render; too little would reuse a stale page, which the random-edit test
 * (tests/reliability/incremental.test.ts) compares against clean builds to rule out.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import type { TopicId } from '../schemas/topic.ts';
import { buildDate } from './build-date.ts';
import { sharedLines } from './corroboration.ts';
import { sourceTextFile } from './source-text.ts';
import { neighbourWindow, type EntityEntry, type SectionEntry, type SiteData, type SourceEntry } from './site-data.ts';
import type { PagePath } from './urls.ts';

const hash = (parts: unknown): string => crypto.createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 40);

/** What a section shows of itself in lists, previews and navigation elsewhere. */
const sectionCard = (s: SectionEntry | undefined) => (s ? [s.id, s.data.title, s.data.summary, s.data.topic, s.data.draft] : null);
/** What an entity shows of itself in lists, fact boxes and previews elsewhere. */
const entityCard = (data: SiteData, id: string) => {
  const e = data.entityById.get(id);
  return e ? [id, e.data.name, e.data.kind, e.data.description] : [id];
};

const everyPageKeys = new WeakMap<SiteData, string>();

/** What every page shows: the site's name and sources, the citation date, the site URL (hashed once per site data). */
function everyPage(data: SiteData): string {
  let key = everyPageKeys.get(data);
  if (key === undefined) {
    key = hash([data.site, data.shownSources.map((s) => s.id), data.sources.map((s) => [s.id, s.data.title]), buildDate(), process.env.SITE_URL ?? '']);
    everyPageKeys.set(data, key);
  }
  return key;
}

const digestOf = (entry: { digest?: string | number | undefined; data: unknown }): unknown => entry.digest ?? entry.data;

const sourceDigests = new WeakMap<SourceEntry, string>();

/** A source as section pages show it: its loader's digest, or a hash of its data (once per entry). */
function sourceDigest(entry: SourceEntry | undefined): string | null {
  if (!entry) return null;
  if (entry.digest !== undefined) return String(entry.digest);
  let key = sourceDigests.get(entry);
  if (key === undefined) {
    key = hash(entry.data);
    sourceDigests.set(entry, key);
  }
  return key;
}

export function sectionPageKey(data: SiteData, entry: SectionEntry): string {
  const window = neighbourWindow(data, entry.id);
  const entities = new Set([...(data.graph.entitiesOf.get(entry.id) ?? []), ...(data.graph.linkedFrom.get(entry.id) ?? [])]);
  return hash([
    everyPage(data),
    entry.id,
    // The stored digest covers the section's file, so its data too (src/content/loaders.ts); without one, the data itself.
    digestOf(entry),
    [window.before, window.after].map((list) => list.map(sectionCard)),
    [sectionCard(window.previous), sectionCard(window.next)],
    [data.indexInTopic.get(entry.id), data.byTopic.get(entry.data.topic)?.length],
    (data.related.get(entry.id) ?? []).map(sectionCard),
    (data.graph.referencedBy.get(entry.id) ?? []).map((b) => [b.how, sectionCard(data.sectionById.get(b.sectionId))]),
    [...entities].sort().map((id) => entityCard(data, id)),
    // The source's stored digest covers its whole manifest (hundreds of KB for a big page), hashed once by its loader.
    sourceDigest(data.sourceById.get(entry.data.source)),
  ]);
}

export function entityPageKey(data: SiteData, entry: EntityEntry): string {
  return hash([
    everyPage(data),
    entry.id,
    entry.data,
    (data.graph.mentions.get(entry.id) ?? []).map((m) => [m, sectionCard(data.sectionById.get(m.sectionId))]),
    (data.graph.namedBy.get(entry.id) ?? []).map((id) => sectionCard(data.sectionById.get(id))),
    (data.graph.namedInRepairs.get(entry.id) ?? []).map((id) => sectionCard(data.sectionById.get(id))),
    (data.graph.relatedEntities.get(entry.id) ?? []).map((id) => entityCard(data, id)),
  ]);
}

export function topicPageKey(data: SiteData, topic: TopicId): string {
  return hash([everyPage(data), topic, (data.byTopic.get(topic) ?? []).map(sectionCard)]);
}

/**
 * A source page shows its text, its manifest, and where each of its sections' paragraphs and
 * repairs lie in the text: each section by its stored digest, which covers its file's bytes and
 * the renderer that made its paragraphs (hashing the paragraphs themselves cost 2 s per build at
 * 5,000 sections), and the text by its file's bytes.
 */
export function sourcePageKey(data: SiteData, entry: SourceEntry): string {
  const sections = data.sections.filter((s) => s.data.source === entry.id).map((s) => [s.id, digestOf(s)]);
  const shared = [...sharedLines(data.sections.map((s) => s.data), entry.id)];
  const text = crypto.createHash('sha256').update(fs.readFileSync(sourceTextFile(entry.id))).digest('hex');
  return hash([everyPage(data), entry.id, sourceDigest(entry), text, sections, shared]);
}

export function aliasPageKey(data: SiteData, from: PagePath, entry: SectionEntry): string {
  return hash([everyPage(data), from, sectionCard(entry)]);
}

/** The key of a data file made from `props` alone (link previews). */
export const propsKey = (data: SiteData, props: unknown): string => hash([everyPage(data), props]);
