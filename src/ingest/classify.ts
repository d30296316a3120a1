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

// One regex per topic, built once: alternation of its phrases, whole words, case-insensitive.
// Lookarounds instead of \b so phrases ending in punctuation ("u.s.") still match.
const MATCHERS = TOPIC_RULES.map((rule) => ({
  rule,
  pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${Object.keys(rule.keywords).sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'giu'),
}));

/** Scores `text` against every topic's keywords. */
export function classify(text: string, previous: TopicId | undefined): Classification {
  const scores = Object.fromEntries(TOPIC_RULES.map((r) => [r.topic, 0])) as Record<TopicId, number>;
  const matches = new Map<TopicId, Map<string, number>>();
  for (const { rule, pattern } of MATCHERS) {
    const counts = new Map<string, number>();
    for (const m of text.matchAll(pattern)) {
      const keyword = m[0].toLowerCase();
      counts.set(keyword, (counts.get(keyword) ?? 0) + 1);
      scores[rule.topic] += rule.keywords[keyword] ?? 0;
    }
    matches.set(rule.topic, counts);
  }
  const best = Math.max(...Object.values(scores));
  if (best === 0) return { topic: previous ?? FALLBACK_TOPIC, scores, matched: [], fallback: previous ? 'previous' : 'default' };
  const leaders = TOPIC_RULES.map((r) => r.topic).filter((t) => scores[t] === best);
  const topic = previous !== undefined && leaders.includes(previous) ? previous : (leaders[0] ?? FALLBACK_TOPIC);
  return { topic, scores, matched: matchedFor(topic, matches.get(topic)) };
}

function matchedFor(topic: TopicId, counts: Map<string, number> | undefined): { keyword: string; count: number }[] {
  const weights = TOPIC_RULES.find((r) => r.topic === topic)?.keywords ?? {};
  return [...(counts ?? new Map<string, number>())]
    .map(([keyword, count]) => ({ keyword, count, weight: (weights[keyword] ?? 0) * count }))
    .sort((a, b) => b.weight - a.weight || a.keyword.localeCompare(b.keyword))
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
