import { z } from 'zod';
import { slugSchema } from './ids.ts';

/**
 * A paragraph of a section that another source of this reference also holds: written by ingest
 * when a source is added (`src/ingest/corroborate.ts`), shown beside the paragraph as "also in:
 * <source>, line N" and, on each source page, line by line.
 *
 * @example { paragraph: 'p-diplomatic-relations-were-interrupted', line: 51, source: 'state-dept-fact-sheet', lines: [3, 4] }
 */
export const corroborationSchema = z.strictObject({
  /** The anchor id of the paragraph (or heading) in this section's body, e.g. "p-allies-stand-in-solidarity". */
  paragraph: z.string().min(1, { error: 'expected the anchor id of a paragraph of this section' }),
  /** The line of this section's own source that the other source shares (1-based). */
  line: z.number().int().positive(),
  /** Id of the other source (`sources/<id>.txt`). */
  source: slugSchema,
  /** Lines of the other source holding the same sentences (1-based). */
  lines: z.array(z.number().int().positive()).min(1, { error: 'expected at least one line of the other source' }),
});

export type Corroboration = z.output<typeof corroborationSchema>;
