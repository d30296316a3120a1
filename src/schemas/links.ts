import { z } from 'zod';
import { TOPIC_IDS } from './topic.ts';

/** What a link target is: a whole page, or a heading or paragraph on a section page. */
export const TARGET_KINDS = ['page', 'heading', 'paragraph'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

/** A path from the site root: no `/` in front, no fragment. @example 'history/revolution-and-recognition.html' */
const sitePathSchema = z.string().regex(/^[^/#][^#]*$/, { error: 'expected a path relative to the site root, without "/" in front or a fragment' });

/**
 * One place another document may link to, as published in `links.json`.
 * @example { url: 'history/revolution-and-recognition.html', anchor: 'p-resumed', title: 'Normal diplomatic relations were resumed…', kind: 'paragraph', topic: 'history', aliases: [] }
 */
export const linkTargetSchema = z.strictObject({
  /** The page, relative to the site root, without a leading slash. @example 'history/revolution-and-recognition.html' */
  url: sitePathSchema.describe('The page, relative to the site root, without a leading slash.'),
  /** The fragment id on that page, or null for the page itself. @example 'relations-resumed' */
  anchor: z.string().min(1).nullable().describe('The fragment id on that page, or null for the page itself.'),
  /** The page title, the heading's text, or the first words of the paragraph (source words only). */
  title: z.string().describe("The page title, the heading's text, or the first words of the paragraph (source words only)."),
  /** `page`, `heading` or `paragraph`. */
  kind: z.enum(TARGET_KINDS).describe('A whole page, or a heading or paragraph on it.'),
  /** The topic the page belongs to, or null for pages outside the four topics. */
  topic: z.enum(TOPIC_IDS).nullable().describe('The topic the page belongs to, or null for pages outside the four topics.'),
  /**
   * Old URLs that land on this target, relative to the site root (`url` or `url#anchor`): a
   * renamed or moved section's or entity's old page, an anchor's earlier id. Default: none.
   * @example ['history/old-slug.html']
   */
  aliases: z
    .array(z.string().regex(/^[^/#][^#]*(#.+)?$/, { error: 'expected "page.html" or "page.html#anchor", relative to the site root' }))
    .describe('Old URLs (relative to the site root, with a #fragment for anchors) that land on this target.'),
});
export type LinkTarget = z.output<typeof linkTargetSchema>;

/** The version of `links.json`'s shape; changes only when the shape does (2 added `aliases`). */
export const LINKS_JSON_VERSION = 2;

/** `dist/links.json`: every page, heading and paragraph of the build, pages in path order. */
export const linksJsonSchema = z
  .strictObject({
    /** Format version; bumped only on an incompatible change. */
    version: z.literal(LINKS_JSON_VERSION).describe('The version of this shape; changes only when the shape does.'),
    targets: z.array(linkTargetSchema).describe('Every page, heading and paragraph of the site; pages in path order, anchors in document order.'),
  })
  .meta({ title: 'links.json', description: 'Every link target of the reference site: pages, headings and paragraphs, with the old URLs that land on them.' });
export type LinksJson = z.output<typeof linksJsonSchema>;

/** `links.schema.json`: the JSON Schema of links.json, made from the zod schema (one source of truth). */
export function linksJsonSchemaDocument(): Record<string, unknown> {
  return z.toJSONSchema(linksJsonSchema, { io: 'output' });
}

/**
 * One entry of `content/links.lock.json`: a target published once, which every later build must
 * still resolve (directly, through a section alias page, or through an anchor alias). The title
 * is the one it had when first locked, so an error can say which words the link meant.
 */
export const lockedTargetSchema = z.strictObject({
  url: sitePathSchema,
  anchor: linkTargetSchema.shape.anchor,
  kind: linkTargetSchema.shape.kind,
  title: z.string(),
});
export type LockedTarget = z.output<typeof lockedTargetSchema>;

/** `content/links.lock.json`: every target ever published. Written by `npm run links:lock`. */
export const linksLockSchema = z.strictObject({
  version: z.literal(1),
  targets: z.array(lockedTargetSchema),
});
export type LinksLock = z.output<typeof linksLockSchema>;
