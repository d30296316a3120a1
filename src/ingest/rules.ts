import type { TopicId } from '../schemas/topic.ts';

/**
 * The classification rules: the ONE place that decides which topic a paragraph belongs to.
 *
 * Each topic lists words and phrases (ASCII, lower case, starting with a letter or digit) with a weight. A paragraph scores, per topic, the sum of
 * the weights of every occurrence (whole words, case-insensitive); the highest score wins, and
 * the draft's `classification` field names the words that matched, so every choice can be
 * checked and the rules tuned here. Ties go to the topic of the paragraph before (text on one
 * subject runs on), then to the order of {@link TOPIC_RULES}.
 */
export interface TopicRule {
  topic: TopicId;
  /** Phrase (lower case, matched as whole words) -> weight. */
  keywords: Readonly<Record<string, number>>;
}

export const TOPIC_RULES: readonly TopicRule[] = [
  {
    topic: 'nato-stance',
    keywords: {
      nato: 2, allies: 3, allied: 2, alliance: 3, 'euro-atlantic': 2, deterrence: 2, crimea: 2, ukraine: 1, 'ukrainian': 1,
      georgia: 1, georgian: 1, moldova: 1, abkhazia: 2, 'south ossetia': 2, minsk: 2, 'inf treaty': 3, treaty: 1, hybrid: 1,
      disinformation: 1, compliance: 1, comply: 2, breached: 2, violates: 2, violated: 2, illegitimate: 2, occupation: 2,
      annexation: 2, 'territorial integrity': 1, solidarity: 2, 'call on russia': 3, missile: 1, confrontation: 2,
      dialogue: 1, 'must be preserved': 2, mh17: 2, 'downing': 2,
    },
  },
  {
    topic: 'history',
    keywords: {
      revolution: 3, bolshevik: 3, 'diplomatic relations': 3, 'diplomatic representatives': 2, recognized: 2, recognised: 2,
      interrupted: 2, resumed: 2, 'soviet socialist republics': 3, tsar: 3, tsarist: 3, century: 2, 'cold war': 2,
      'foreign minister': 1, 'president woodrow wilson': 3, 'president franklin roosevelt': 3, 'in an address to the nation': 2,
      'established diplomatic': 3, historical: 2, history: 1, announced: 1, 'long sought': 2,
    },
  },
  {
    topic: 'cooperation',
    keywords: {
      cooperation: 2, 'practical cooperation': 3, nrc: 3, 'nato-russia council': 3, 'counter-narcotics': 3, 'counter-terrorism': 3,
      training: 2, trained: 2, project: 2, programme: 2, joint: 2, exercises: 2, 'missile defence': 3, interoperability: 3,
      standex: 3, afghan: 2, afghanistan: 2, officers: 1, institutes: 2, consultations: 2, framework: 1, 'common interest': 2,
      'key areas': 3, 'lisbon summit': 2, technology: 1, 'threat assessment': 2,
    },
  },
  {
    topic: 'us-policy',
    keywords: {
      'united states': 2, 'u.s.': 2, washington: 2, 'state department': 2, sanctions: 2, administration: 2, policy: 2,
      strategy: 2, bipartisan: 3, 'national interests': 3, 'core u': 2, trust: 2, 'bilateral': 2, deter: 2, 'long-term goal': 3,
      'foreign investment': 2, stakeholder: 3, 'hybrid" tools': 2, undermine: 2, "russia's campaign": 2, 'our relationship': 3, 'constructive relationship': 3,
      'presidential commission': 2, 'democratic processes': 2, 'free-market': 2, downgraded: 2,
    },
  },
];

/** The topic of a text no rule matches and no paragraph precedes. */
export const FALLBACK_TOPIC: TopicId = 'nato-stance';

/** A section holds at most this many paragraphs; a longer run of one topic is split. */
export const MAX_PARAGRAPHS_PER_SECTION = 8;

/** Cooperation sections need a `status`; the first of these patterns to match the text sets it. */
export const STATUS_RULES: readonly { status: 'suspended' | 'ended' | 'active'; pattern: RegExp }[] = [
  { status: 'suspended', pattern: /\bsuspen(?:d|ded|sion)\b/i },
  { status: 'ended', pattern: /\b(?:ended|terminated|ceased|halted|abandoned)\b/i },
];

/** The entity a us-policy section's `actor` names. Created (minimal) if the content has none. */
export const US_POLICY_ACTOR = {
  id: 'united-states',
  yaml: { kind: 'place', name: 'United States', aliases: ['U.S.', 'US', 'United States of America'], description: 'The United States of America.' },
} as const;
