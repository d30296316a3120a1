import type { TopicId } from '../schemas/topic.ts';
import type { YamlValue } from './yaml-emit.ts';
import { STATUS_RULES, US_POLICY_ACTOR } from './rules.ts';
import { IngestError } from './errors.ts';
import { AmbiguousTermError, createEntityMatcher, type EntityMatcher } from '../markdown/entity-matcher.ts';

/** What ingest knows of an existing entity: enough to find its mentions and its earliest date. */
export interface EntityInfo {
  id: string;
  /** The entity's kind; only events, treaties, agreements and programmes date a period. */
  kind: string;
  name: string;
  aliases: readonly string[];
  dates: readonly { date: string }[];
}

/** A topic's required fields for a draft, with the reason for each value. */
export interface TopicFields {
  fields: Record<string, YamlValue>;
  /** Sentences for the `classification` field, saying where each value came from. */
  reasons: string[];
}

const DATING_KINDS = new Set(['event', 'treaty', 'agreement', 'programme']);
const YEAR = /(?<![\d,.])\b(1[0-9]{3}|20[0-9]{2})\b(?!\d|,\d)/g;

/**
 * The fields a topic's schema requires, taken from the text, never invented: history's
 * `period.start` is the earliest year the text states, else the earliest date of an existing
 * entity it names; none found returns undefined, and the caller picks another topic.
 */
export function topicFields(topic: TopicId, text: string, mentioned: () => EntityInfo[]): TopicFields | undefined {
  if (topic === 'history') {
    const years = [...text.matchAll(YEAR)].map((m) => m[1] ?? '').filter((y) => y !== '').sort();
    if (years[0]) return { fields: { period: { start: years[0] } }, reasons: [`period.start ${years[0]} is the earliest year in the text.`] };
    const dated = mentioned()
      .filter((e) => DATING_KINDS.has(e.kind))
      .flatMap((e) => e.dates.map((d) => ({ id: e.id, year: String(d.date).slice(0, 4) })))
      .sort((a, b) => a.year.localeCompare(b.year) || a.id.localeCompare(b.id))[0];
    if (!dated) return undefined;
    return { fields: { period: { start: dated.year } }, reasons: [`period.start ${dated.year} is the earliest date of the entity "${dated.id}", which the text names (the text states no year).`] };
  }
  if (topic === 'cooperation') {
    const rule = STATUS_RULES.find((r) => r.pattern.test(text));
    const status = rule?.status ?? 'active';
    return { fields: { status }, reasons: [rule ? `status ${status}: the text says "${rule.pattern.exec(text)?.[0] ?? ''}".` : 'status active: the text says nothing of a suspension or an end; check it.'] };
  }
  if (topic === 'us-policy') return { fields: { actor: US_POLICY_ACTOR.id }, reasons: [`actor ${US_POLICY_ACTOR.id}: the topic's policy maker.`] };
  return { fields: {}, reasons: [] };
}

/**
 * Which entities a text names, found with the site's own matcher (src/markdown/entity-matcher.ts:
 * whole words, longest match, acronyms such as "US" matched in capitals only), so a draft's
 * history period is dated from the same mentions the site will link.
 */
export function entityMatcher(entities: readonly EntityInfo[]): (text: string) => EntityInfo[] {
  const byId = new Map(entities.map((e) => [e.id, e]));
  let matcher: EntityMatcher;
  try {
    matcher = createEntityMatcher(entities.map((e) => ({ id: e.id, terms: [e.name, ...e.aliases] })));
  } catch (error) {
    if (error instanceof AmbiguousTermError) throw new IngestError(`The content folder's entities are not valid: ${error.message}`);
    throw error;
  }
  return (text) => {
    const found = new Map<string, EntityInfo>();
    for (const match of matcher.find(text)) {
      const entity = byId.get(match.entityId);
      if (entity) found.set(entity.id, entity);
    }
    return [...found.values()];
  };
}
