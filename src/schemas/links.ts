import { z } from 'zod';
import { TOPIC_IDS } from './topic.ts';

/** What a link target is: a whole page, or a heading or paragraph on a section page. */
export const TARGET_KINDS = ['page', 'heading', 'paragraph'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

/**
 * One place another document may link to, as published in `links.json`.
 * @example { url: 'history/revolution-and-recognition.html', anchor: 'p-resumed', title: 'Normal diplomatic relations were resumed…', kind: 'paragraph', topic: 'history' }
 */
export const linkTargetSchema = z.strictObject({
  /** The page, relative to the site root, without a leading slash. @example 'history/revolution-and-recognition.html' */
  url: z.string().min(1).refine((u) => !u.startsWith('/') && !u.includes('#'), { error: 'expected a path relative to the site root, without "/" in front or a fragment' }),
  /** The fragment id on that page, or null for the page itself. @example 'relations-resumed' */
  anchor: z.string().min(1).nullable(),
  /** The page title, the heading's text, or the first words of the paragraph (source words only). */
  title: z.string(),
  /** `page`, `heading` or `paragraph`. */
  kind: z.enum(TARGET_KINDS),
  /** The topic the page belongs to, or null for pages outside the four topics. */
  topic: z.enum(TOPIC_IDS).nullable(),
});
export type LinkTarget = z.output<typeof linkTargetSchema>;

/** `dist/links.json`: every page, heading and paragraph of the build, pages in path order. */
export const linksJsonSchema = z.strictObject({
  /** Format version; bumped only on an incompatible change. */
  version: z.literal(1),
  targets: z.array(linkTargetSchema),
});
export type LinksJson = z.output<typeof linksJsonSchema>;

/**
 * One entry of `content/links.lock.json`: a target published once, which every later build must
 * still resolve (directly, through a section alias page, or through an anchor alias). The title
 * is the one it had when first locked, so an error can say which words the link meant.
 */
export const lockedTargetSchema = z.strictObject({
  url: linkTargetSchema.shape.url,
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
