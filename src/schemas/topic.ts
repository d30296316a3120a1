import { z } from 'zod';

/** The four topics a section can belong to, in reading order. */
export const TOPIC_IDS = ['nato-stance', 'history', 'cooperation', 'us-policy'] as const;

/** One of {@link TOPIC_IDS}. */
export const topicIdSchema = z.enum(TOPIC_IDS, {
  error: (issue) => `expected one of ${TOPIC_IDS.map((t) => `"${t}"`).join(', ')}, found ${JSON.stringify(issue.input)}`,
});

export type TopicId = z.output<typeof topicIdSchema>;
