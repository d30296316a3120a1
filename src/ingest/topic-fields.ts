import type { TopicId } from '../schemas/topic.ts';
import type { YamlValue } from './yaml-emit.ts';
import { STATUS_RULES, US_POLICY_ACTOR } from './rules.ts';

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

/** One matcher over every entity name and alias, built once, finding which entities a text names. */
export function entityMatcher(entities: readonly EntityInfo[]): (text: string) => EntityInfo[] {
  const byName = new Map<string, EntityInfo>();
  for (const e of entities) for (const n of [e.name, ...e.aliases]) if (n.trim() !== '' && !byName.has(n.toLowerCase())) byName.set(n.toLowerCase(), e);
  if (byName.size === 0) return () => [];
  const names = [...byName.keys()].sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return (text) => {
    const found = new Map<string, EntityInfo>();
    for (const m of text.matchAll(pattern)) {
      const e = byName.get(m[0].toLowerCase());
      if (e) found.set(e.id, e);
    }
    return [...found.values()];
  };
}
