import { z } from 'zod';
import { cooperationSchema, historySchema, natoStanceSchema, usPolicySchema } from './topics.ts';
import type { CooperationSection, HistorySection, NatoStanceSection, UsPolicySection } from './topics.ts';
import { TOPIC_IDS } from './topic.ts';

/**
 * A section's frontmatter: one schema per topic, chosen by the literal `topic` field.
 * An unknown topic is reported with the list of valid ones.
 */
export const sectionSchema = z.discriminatedUnion(
  'topic',
  [natoStanceSchema, historySchema, cooperationSchema, usPolicySchema],
  {
    error: (issue) =>
      issue.code === 'invalid_union'
        ? `expected topic to be one of ${TOPIC_IDS.map((t) => `"${t}"`).join(', ')}, found ${JSON.stringify((issue.input as { topic?: unknown } | undefined)?.topic)}`
        : undefined,
  },
);

export type SectionData = z.output<typeof sectionSchema>;

export const isNatoStance = (s: SectionData): s is NatoStanceSection => s.topic === 'nato-stance';
export const isHistory = (s: SectionData): s is HistorySection => s.topic === 'history';
export const isCooperation = (s: SectionData): s is CooperationSection => s.topic === 'cooperation';
export const isUsPolicy = (s: SectionData): s is UsPolicySection => s.topic === 'us-policy';
