import { z } from 'zod';
import { partialDateSchema } from './dates.ts';

/**
 * Why a line of the scraped text is not in any section. `contact`: phone, fax or e-mail lines;
 * `table`: rows of `|` cells and infobox label/value lines; `code`: script, style or markup
 * debris; `page-header` / `page-footer`: short lines that end no sentence, before the text
 * begins or after it ends (site names, document labels, "See also").
 */
export const DROP_REASONS = [
  'query-repeat', 'page-title', 'link-bullet', 'site-banner', 'caption', 'byline', 'navigation', 'debris', 'blank',
  'contact', 'table', 'code', 'page-header', 'page-footer',
] as const;

/** One publisher whose words appear in the source, with the lines that came from it. */
export const publisherSchema = z.strictObject({
  /** Publisher's name. @example 'NATO' */
  name: z.string().min(1),
  /** Title of the original page. */
  page: z.string().min(1).optional(),
  /** URL of the original page. */
  url: z.url().optional(),
  /** Line numbers (1-based) of the source taken from this page. */
  lines: z.array(z.number().int().positive()).default([]),
  /** How sure the attribution is. */
  confidence: z.enum(['high', 'medium', 'low']).optional(),
  /** When the page was published, when known. */
  date: partialDateSchema.optional(),
});

/** A line of the source that no section holds, and why. */
export const droppedLineSchema = z.strictObject({
  /** 1-based line number in the source file. */
  line: z.number().int().positive(),
  /** The line's text, exactly. */
  text: z.string(),
  /** Why it was dropped. */
  reason: z.enum(DROP_REASONS, {
    error: (issue) => `expected one of ${DROP_REASONS.join(', ')}, found ${JSON.stringify(issue.input)}`,
  }),
});

/** `content/sources/<id>.yaml`: the manifest of a scraped text kept beside it as `<id>.txt`. */
export const sourceSchema = z.strictObject({
  /** A title for the source, in our words or its own. */
  title: z.string().min(1),
  /** Who published the text, when known (`npm run ingest -- --publisher`): names the evidence of repairs made from it. */
  publisher: z.string().min(1).optional(),
  /** The page the text was taken from (`--url`): the evidence URL of repairs made from it. */
  url: z.url({ error: 'expected an absolute URL such as "https://www.state.gov/…"' }).optional(),
  /** When the text was published or retrieved (`--date`, else the page's own dateline or byline): `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; not a timeline fact. */
  date: partialDateSchema.optional(),
  /** Where the scraped copy was found, if known. */
  retrievedFrom: z.string().optional(),
  /** A note on the source's nature and quality. */
  description: z.string().optional(),
  /** Publishers whose texts it compiles. */
  publishers: z.array(publisherSchema).default([]),
  /** Every line not placed in a section, with its reason. Blank lines may be omitted. */
  dropped: z.array(droppedLineSchema).default([]),
});

export type SourceData = z.output<typeof sourceSchema>;
export type Publisher = z.output<typeof publisherSchema>;
