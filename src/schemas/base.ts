import { z } from 'zod';
import { partialDateSchema } from './dates.ts';
import { sectionAliasSchema, sectionIdSchema, slugSchema } from './ids.ts';
import { repairSchema } from './repair.ts';
import { corroborationSchema } from './corroboration.ts';

/**
 * Fields every section has, whatever its topic. Spread into each topic schema, which adds a
 * literal `topic` and the topic's own facts. Objects are strict: an unknown or misspelt key is
 * an error, so a typo never passes silently.
 */
export const sectionBaseShape = {
  /** The section's heading, in our words. @example 'The INF Treaty' */
  title: z.string().min(1, { error: 'expected a non-empty title' }),
  /** One or two sentences saying what the section holds, in our words. Shown on topic pages and in previews. */
  summary: z.string().min(1, { error: 'expected a one- or two-sentence summary' }).max(400, { error: 'expected at most 400 characters: keep the summary to one or two sentences' }),
  /** Id of the source the body is taken from: a file `content/sources/<id>.yaml` must exist. @example 'russia-us-relations' */
  source: slugSchema,
  /** 1-based line numbers of the source file the body is taken from; links the source page to the section and names the publisher. Default: none. */
  lines: z.array(z.number().int().positive()).default([]),
  /** Where the section sits among its topic's sections; lower comes first. Default: after all ordered ones, by title. */
  order: z.number().int().nonnegative().optional(),
  /** Ids (`<topic>/<slug>`) of related sections. Declared once: the other side shows it too. Default: none. */
  related: z.array(sectionIdSchema).default([]),
  /** Ids of entities (`content/entities/<id>.yaml`) this section is about, beyond those it mentions. Default: none. */
  entities: z.array(slugSchema).default([]),
  /**
   * Earlier URLs of this section: each keeps a page at the old URL that sends readers here. An old
   * slug in the same topic, or `<topic>/<old-slug>` when the section moved from another topic.
   * Default: none. @example ['missile-defence', 'cooperation/theatre-missile-defence']
   */
  aliases: z.array(sectionAliasSchema).default([]),
  /** Editorial repairs of what the scraper lost; see {@link repairSchema}. Default: none. */
  repairs: z.array(repairSchema).default([]),
  /** Paragraphs other sources also hold; see {@link corroborationSchema}. Default: none. */
  corroboration: z.array(corroborationSchema).default([]),
  /** True for unreviewed ingest output: built, and shown with an "unreviewed" badge. Default: false. */
  draft: z.boolean().default(false),
  /** Why ingest gave the section its topic (the rules that matched). Only on drafts; informational. */
  classification: z.string().optional(),
} as const;

/** A dated fact a section states, for the fact box and the timeline. */
export const datedFactSchema = z.strictObject({
  /** When: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  date: partialDateSchema,
  /** What happened, in our words. @example 'INF Treaty enters into force' */
  label: z.string().min(1),
  /** True when the date is not in the scraped text but restored by a repair. Default: false. */
  restored: z.boolean().default(false),
});

export type DatedFact = z.output<typeof datedFactSchema>;
