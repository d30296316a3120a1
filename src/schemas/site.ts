import { z } from 'zod';
import { SLUG_PATTERN } from './ids.ts';

/**
 * `content/site.yaml`: what belongs to one reference rather than to the code. Optional: a content
 * folder without it builds with these defaults, so any folder is a whole site.
 */
export const siteSchema = z.strictObject({
  /** The reference's name: the home page's heading and every page's title suffix. @default 'A reference' */
  name: z.string().trim().min(1).default('A reference'),
  /** One or two sentences about the reference, for the home page and link previews. */
  description: z.string().trim().min(1).default('A cross-linked reference built from scraped texts, kept verbatim.'),
  /** Paragraphs for the home page, in our words (plain text; blank lines separate paragraphs). */
  home: z.string().trim().min(1).optional(),
  /**
   * Source ids to show in the footer, in this order. @default every source, by id.
   * @example ['russia-us-relations']
   */
  sources: z.array(z.string().regex(SLUG_PATTERN)).optional(),
});

export type SiteSettings = z.output<typeof siteSchema>;
