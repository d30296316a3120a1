import { z } from 'zod';
import { partialDateSchema } from './dates.ts';
import { datedFactSchema, sectionBaseShape } from './base.ts';
import { slugSchema } from './ids.ts';
import type { TopicId } from './topic.ts';

/** A figure the text states: a count, share or amount, with what it counts. */
export const figureSchema = z.strictObject({
  /** The number as written, e.g. '40' or '3,500'. */
  value: z.string().min(1),
  /** What it counts, e.g. 'Afghan helicopter maintenance staff trained'. */
  label: z.string().min(1),
  /** True when the value was restored by a repair rather than read in the scraped text. Default: false. */
  restored: z.boolean().default(false),
});

/** NATO's stance toward Russia: who says it, what they demand, with which instruments. */
export const natoStanceSchema = z.strictObject({
  ...sectionBaseShape,
  topic: z.literal('nato-stance'),
  /** Who takes the stance (entity ids), e.g. ['nato']. */
  actors: z.array(slugSchema).default([]),
  /** What is asked of Russia, in our words. */
  demands: z.array(z.string().min(1)).default([]),
  /** Means used: statements, sanctions, deterrence posture, dialogue channels. */
  instruments: z.array(z.string().min(1)).default([]),
  /** Places concerned (entity ids). */
  places: z.array(slugSchema).default([]),
  /** Treaties or agreements concerned (entity ids). */
  treaties: z.array(slugSchema).default([]),
  /** Dated facts this section states. */
  dates: z.array(datedFactSchema).default([]),
});

/** A period of the history of relations. */
export const historySchema = z.strictObject({
  ...sectionBaseShape,
  topic: z.literal('history'),
  /** The span the section covers. */
  period: z.strictObject({
    /** First year or date of the period. */
    start: partialDateSchema,
    /** Last year or date of the period; omitted when open. */
    end: partialDateSchema.optional(),
  }),
  /** People and governments acting (entity ids). */
  actors: z.array(slugSchema).default([]),
  /** Dated facts this section states. */
  dates: z.array(datedFactSchema).default([]),
});

/** An area of NATO–Russia or U.S.–Russia cooperation. */
export const cooperationSchema = z.strictObject({
  ...sectionBaseShape,
  topic: z.literal('cooperation'),
  /** Where the cooperation stands: 'active', 'suspended' or 'ended'. */
  status: z.enum(['active', 'suspended', 'ended'], {
    error: (issue) => `expected "active", "suspended" or "ended", found ${JSON.stringify(issue.input)}`,
  }),
  /** When it began. */
  launched: partialDateSchema.optional(),
  /** When it was suspended or ended. */
  suspended: partialDateSchema.optional(),
  /** Who took part (entity ids). */
  participants: z.array(slugSchema).default([]),
  /** Figures the text states. */
  figures: z.array(figureSchema).default([]),
  /** Dated facts this section states. */
  dates: z.array(datedFactSchema).default([]),
});

/** United States policy toward Russia. */
export const usPolicySchema = z.strictObject({
  ...sectionBaseShape,
  topic: z.literal('us-policy'),
  /** Who sets the policy (entity ids), e.g. ['united-states']. */
  actor: slugSchema,
  /** What the policy seeks, in our words. */
  goals: z.array(z.string().min(1)).default([]),
  /** Means used, in our words. */
  instruments: z.array(z.string().min(1)).default([]),
  /** Dated facts this section states. */
  dates: z.array(datedFactSchema).default([]),
});

export type NatoStanceSection = z.output<typeof natoStanceSchema>;
export type HistorySection = z.output<typeof historySchema>;
export type CooperationSection = z.output<typeof cooperationSchema>;
export type UsPolicySection = z.output<typeof usPolicySchema>;

/** The schema for each topic, keyed by topic id. */
export const topicSchemas = {
  'nato-stance': natoStanceSchema,
  history: historySchema,
  cooperation: cooperationSchema,
  'us-policy': usPolicySchema,
} as const satisfies Record<TopicId, z.ZodType>;
