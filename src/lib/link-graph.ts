/**
 * The site's link graph, computed once per build from every section body and entity: which
 * sections mention each entity (with the sentence and paragraph), which sections name it in
 * their frontmatter, related entities both ways, and which sections point to each section.
 *
 * Mentions come from each section's analysis (`analyse-section.ts`), which the sections loader
 * stores with the rendered page (src/content/loaders.ts), so the graph lists exactly the links the
 * pages show and no body is parsed twice. Everything is one pass over the sections plus map
 * lookups: linear in the size of the site.
 */
import { entityFields } from '../content/validate.ts';
import type { ParagraphRecord, SectionAnalysis } from '../markdown/analyse-section.ts';
import type { EntityData } from '../schemas/entity.ts';
import type { SectionData } from '../schemas/section.ts';
import { resolveUrl, routeParam, sectionIdPath } from './urls.ts';

export interface GraphSection {
  /** `<topic>/<slug>`. */
  id: string;
  data: SectionData;
  /** What its body holds, read from the tree its page renders. */
  analysis: SectionAnalysis;
  /** Entities its repairs name (restored words, notes); none when not given. */
  repairEntities?: readonly string[] | undefined;
}

export interface GraphEntity {
  id: string;
  data: EntityData;
}

/** Where a section mentions an entity first: the paragraph to link to and the sentence to quote. */
export interface Mention {
  sectionId: string;
  paragraphId: string;
  words: string;
  sentence: string;
}

/** A section pointing at another: by declaring it `related`, or by a link in its body. */
export interface SectionBacklink {
  sectionId: string;
  how: 'related' | 'link';
}

export interface LinkGraph {
  /** Entity id -> its first mention in each section that mentions it, in the order sections were given. */
  mentions: Map<string, Mention[]>;
  /** Entity id -> sections that name it in their frontmatter (entities, actors, places...). */
  namedBy: Map<string, string[]>;
  /** Entity id -> sections whose repairs (restored words, notes) name it, not already listed in namedBy. */
  namedInRepairs: Map<string, string[]>;
  /** Entity id -> related entities, declared on either side, each once, sorted. */
  relatedEntities: Map<string, string[]>;
  /** Section id -> entities it mentions or names, each once, in first-seen order. */
  entitiesOf: Map<string, string[]>;
  /** Section id -> entities its text links (first mentions), in text order: what the page links to. */
  linkedFrom: Map<string, string[]>;
  /** Section id -> sections that declare it related or link to it in their body. */
  referencedBy: Map<string, SectionBacklink[]>;
  /** Section id -> its paragraphs with their source text, in order. */
  paragraphs: Map<string, ParagraphRecord[]>;
  /** Section id -> repair index -> id of the paragraph holding the repair's mark. */
  repairParagraphs: Map<string, Map<number, string>>;
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/** Builds the graph. Sections should come in site order; lists keep that order. */
export function buildLinkGraph(sections: readonly GraphSection[], entities: readonly GraphEntity[]): LinkGraph {
  const graph: LinkGraph = {
    mentions: new Map(),
    namedBy: new Map(),
    namedInRepairs: new Map(),
    relatedEntities: new Map(),
    entitiesOf: new Map(),
    linkedFrom: new Map(),
    referencedBy: new Map(),
    paragraphs: new Map(),
    repairParagraphs: new Map(),
  };
  const sectionIds = new Set(sections.map((s) => s.id));

  for (const section of sections) {
    const page = sectionIdPath(section.id);
    const { analysis } = section;
    graph.paragraphs.set(section.id, analysis.paragraphs);
    graph.repairParagraphs.set(section.id, analysis.repairParagraphs);
    graph.linkedFrom.set(section.id, analysis.mentions.map((m) => m.entityId));
    const own = new Set<string>();
    for (const m of analysis.mentions) {
      push(graph.mentions, m.entityId, { sectionId: section.id, paragraphId: m.paragraphId, words: m.words, sentence: m.sentence });
      own.add(m.entityId);
    }
    // A per-section set, not a search of namedBy's list: that list grows with the site (O(n²)).
    const named = new Set<string>();
    for (const [, ids] of entityFields(section.data)) {
      for (const id of ids) {
        if (!named.has(id)) push(graph.namedBy, id, section.id);
        named.add(id);
        own.add(id);
      }
    }
    for (const id of section.repairEntities ?? []) {
      if (!named.has(id) && !own.has(id)) push(graph.namedInRepairs, id, section.id);
      own.add(id);
    }
    graph.entitiesOf.set(section.id, [...own]);

    const pointsTo = new Map<string, SectionBacklink['how']>();
    for (const other of section.data.related) pointsTo.set(other, 'related');
    for (const href of analysis.links) {
      const target = routeParam(resolveUrl(page, href).path);
      if (sectionIds.has(target) && !pointsTo.has(target)) pointsTo.set(target, 'link');
    }
    for (const [target, how] of pointsTo) {
      if (target !== section.id && sectionIds.has(target)) push(graph.referencedBy, target, { sectionId: section.id, how });
    }
  }

  graph.relatedEntities = relatedBothWays(entities);
  return graph;
}

/**
 * Relations declared on either side (`related: [...]` on sections or on entities), each pair
 * once: id -> the ids related to it, sorted. Ids not among `items`, and self-references, are
 * left out. Only ids with a relation get an entry.
 */
export function relatedBothWays(items: readonly { id: string; data: { related: readonly string[] } }[]): Map<string, string[]> {
  const related = new Map<string, Set<string>>();
  const known = new Set(items.map((item) => item.id));
  const add = (from: string, to: string) => {
    const set = related.get(from);
    if (set) set.add(to);
    else related.set(from, new Set([to]));
  };
  for (const item of items) {
    for (const other of item.data.related) {
      if (!known.has(other) || other === item.id) continue;
      add(item.id, other);
      add(other, item.id);
    }
  }
  return new Map([...related].map(([id, set]) => [id, [...set].sort()]));
}
