import { z } from 'zod';
import { partialDateSchema } from './dates.ts';
import { slugSchema } from './ids.ts';

/**
 * Where a restoration's value comes from: who published it, a quote, and where to read it (a
 * page's `url`, or another source of this reference, `source` and its `line`, or both). No
 * repair is unsourced.
 */
export const evidenceSchema = z
  .strictObject({
    /** Who published the evidence, e.g. "U.S. Department of State". */
    publisher: z.string().min(1),
    /** The page holding the evidence, e.g. "https://www.state.gov/u-s-relations-with-russia/". */
    url: z.url({ error: 'expected an absolute URL such as "https://www.nato.int/…"' }).optional(),
    /** A short quote from that page that supports the restored value. */
    quote: z.string().min(1),
    /** Id of another source of this reference (`sources/<id>.txt`) that holds the quote: set when corroboration restored the value. */
    source: slugSchema.optional(),
    /** The 1-based line of `source` holding the quote; its source page links to it. */
    line: z.number().int().positive().optional(),
  })
  .refine((e) => e.url !== undefined || e.source !== undefined, {
    message: 'evidence needs where to read it: a `url` (an absolute URL), or the `source` id (and `line`) of another source of this reference',
    path: ['url'],
  });

/** How sure we are of the restored value. */
export const confidenceSchema = z.enum(['high', 'medium', 'low'], {
  error: (issue) => `expected "high", "medium" or "low", found ${JSON.stringify(issue.input)}`,
});

/**
 * An editorial repair of something the scraper lost.
 *
 * `insert` is rendered right after the exact text `after`, which must occur exactly once in the
 * section body, as an `<ins data-editorial>` with a note. A loss with no value to restore (a
 * spliced sentence, a lost clause) has a `note` and no `insert`.
 *
 * @example { after: 'on 17 July', insert: ' 2014,', note: 'the year was lost', evidence: {...}, confidence: 'high' }
 */
export const repairSchema = z
  .strictObject({
    /** Exact body text the repair follows; must occur once in the section body. */
    after: z.string().min(1),
    /** Text restored after `after`; omitted when nothing can be restored. */
    insert: z.string().min(1).optional(),
    /** What was lost and why we think so, in our words. */
    note: z.string().min(1),
    /** The source of the restored value; required whenever `insert` is given. */
    evidence: evidenceSchema.optional(),
    /** How sure we are of the value. */
    confidence: confidenceSchema,
    /** The date the restored text states, if any, for the timeline (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`). */
    date: partialDateSchema.optional(),
  })
  .refine((repair) => repair.insert === undefined || repair.evidence !== undefined, {
    message: 'a repair that inserts text needs `evidence` (publisher, url, quote); add it, or drop `insert` and keep only the note',
    path: ['evidence'],
  });

export type Repair = z.output<typeof repairSchema>;
export type Evidence = z.output<typeof evidenceSchema>;
