import type { TopicId } from '../schemas/topic.ts';
import { FALLBACK_TOPIC, TOPIC_RULES } from './rules.ts';

/** A paragraph's topic and the evidence for it. */
export interface Classification {
  topic: TopicId;
  /** Per topic, its score. */
  scores: Record<TopicId, number>;
  /** The winning topic's matched keywords with their counts, most weighty first. */
  matched: { keyword: string; count: number }[];
  /** Why the topic was chosen when no keyword decided it. */
  fallback?: 'previous' | 'default';
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// One regex over every topic's phrases, built once: a single pass per paragraph. Phrases are
// ASCII, so an ASCII regex with a word boundary before and no letter or digit after is enough,
// and much faster on large input than a Unicode one.
const WEIGHTS = new Map<string, { topic: TopicId; weight: number }[]>();
for (const rule of TOPIC_RULES) {
  for (const [keyword, weight] of Object.entries(rule.keywords)) {
    WEIGHTS.set(keyword, [...(WEIGHTS.get(keyword) ?? []), { topic: rule.topic, weight }]);
  }
}
const MATCHER = new RegExp(`\\b(?:${[...WEIGHTS.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})(?![a-z0-9])`, 'gi');

/** Scores `text` against every topic's keywords. */
export function classify(text: string, previous: TopicId | undefined): Classification {
  const scores = Object.fromEntries(TOPIC_RULES.map((r) => [r.topic, 0])) as Record<TopicId, number>;
  const counts = new Map<string, number>();
  MATCHER.lastIndex = 0;
  for (let m = MATCHER.exec(text); m !== null; m = MATCHER.exec(text)) {
    const keyword = m[0].toLowerCase();
    counts.set(keyword, (counts.get(keyword) ?? 0) + 1);
  }
  for (const [keyword, count] of counts) for (const { topic, weight } of WEIGHTS.get(keyword) ?? []) scores[topic] += weight * count;
  const best = Math.max(...Object.values(scores));
  if (best === 0) return { topic: previous ?? FALLBACK_TOPIC, scores, matched: [], fallback: previous ? 'previous' : 'default' };
  const leaders = TOPIC_RULES.map((r) => r.topic).filter((t) => scores[t] === best);
  const topic = previous !== undefined && leaders.includes(previous) ? previous : (leaders[0] ?? FALLBACK_TOPIC);
  return { topic, scores, matched: matchedFor(topic, counts) };
}

function matchedFor(topic: TopicId, counts: Map<string, number>): { keyword: string; count: number }[] {
  return [...counts]
    .flatMap(([keyword, count]) => {
      const weight = WEIGHTS.get(keyword)?.find((w) => w.topic === topic)?.weight;
      return weight === undefined ? [] : [{ keyword, count, total: weight * count }];
    })
    .sort((a, b) => b.total - a.total || a.keyword.localeCompare(b.keyword))
    .map(({ keyword, count }) => ({ keyword, count }));
}

/** The classification in words, for the draft's `classification` field. */
export function explain(c: Classification): string {
  if (c.fallback === 'default') return `No topic keyword matched; ${c.topic} is the default topic (src/ingest/rules.ts).`;
  if (c.fallback === 'previous') return `No topic keyword matched; kept the topic of the paragraph before (${c.topic}).`;
  const words = c.matched.slice(0, 6).map((m) => (m.count > 1 ? `"${m.keyword}" ×${m.count}` : `"${m.keyword}"`)).join(', ');
  const others = TOPIC_RULES.filter((r) => r.topic !== c.topic && c.scores[r.topic] > 0).map((r) => `${r.topic} ${c.scores[r.topic]}`);
  return `${c.topic} scored ${c.scores[c.topic]} (${words})${others.length ? `; others: ${others.join(', ')}` : ''}.`;
}
