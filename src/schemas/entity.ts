import { z } from 'zod';
import { partialDateSchema } from './dates.ts';
import { slugSchema } from './ids.ts';

/** Kinds of thing an entity can be. */
export const ENTITY_KINDS = [
  'treaty', 'agreement', 'place', 'organisation', 'person', 'event', 'programme', 'weapon-system',
] as const;

/** One of {@link ENTITY_KINDS}. */
export type EntityKind = (typeof ENTITY_KINDS)[number];

/**
 * One entity: `content/entities/<id>.yaml`. Mentions of its name or aliases in sections link to
 * its page.
 */
export const entitySchema = z.strictObject({
  /** What sort of thing it is. */
  kind: z.enum(ENTITY_KINDS, {
    error: (issue) => `expected one of ${ENTITY_KINDS.map((k) => `"${k}"`).join(', ')}, found ${JSON.stringify(issue.input)}`,
  }),
  /** Its usual name. @example 'INF Treaty' */
  name: z.string().min(1),
  /** Other names the text uses, matched case-insensitively, possessives included. Default: none. */
  aliases: z.array(z.string().min(1)).default([]),
  /** Dated facts about it (signed, founded, born…), for its page and the timeline. Default: none. */
  dates: z
    .array(
      z.strictObject({
        /** When: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
        date: partialDateSchema,
        /** What happened, in our words. */
        label: z.string().min(1),
      }),
    )
    .default([]),
  /** A short description in our words. */
  description: z.string().min(1),
  /** An authoritative page about it. */
  url: z.url().optional(),
  /**
   * Earlier ids of this entity (its file's old names): each keeps a page at `entities/<old-id>.html`
   * that sends readers here, so published links survive a rename. Default: none. @example ['inf']
   */
  formerIds: z.array(slugSchema).default([]),
  /** Ids of related entities. Default: none. */
  related: z.array(slugSchema).default([]),
  /** True for an entity ingest guessed from a name in the text: built, with an "unreviewed" badge, until a person checks it (`npm run review -- --accept <id>`). Default: false. */
  draft: z.boolean().default(false),
  /** On a draft: why ingest guessed its `kind`. @example 'follows the title "President"' */
  kindReason: z.string().min(1).optional(),
});

export type EntityData = z.output<typeof entitySchema>;
