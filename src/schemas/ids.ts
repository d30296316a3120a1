import { z } from 'zod';
import { TOPIC_IDS } from './topic.ts';

/** Lower-case words joined by single hyphens: the only shape an id or slug may take. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A slug such as `inf-treaty` (lower case, digits, single hyphens). */
export const slugSchema = z
  .string()
  .regex(SLUG_PATTERN, { error: 'expected a slug: lower-case letters, digits and single hyphens, such as "inf-treaty"' });

/** A section id: `<topic>/<slug>`, such as `nato-stance/inf-treaty`. */
export const sectionIdSchema = z
  .string()
  .regex(/^[a-z0-9-]+\/[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: 'expected a section id as <topic>/<slug>, such as "nato-stance/inf-treaty"',
  });

/**
 * An earlier URL of a section: its old slug in the same topic (`missile-defence`), or, for a
 * section that moved from another topic, `<topic>/<old-slug>` (`cooperation/missile-defence`).
 */
export const sectionAliasSchema = z
  .string()
  .regex(new RegExp(`^(?:(?:${TOPIC_IDS.join('|')})/)?[a-z0-9]+(?:-[a-z0-9]+)*$`), {
    error: `expected an old slug such as "missile-defence", or "<topic>/<old-slug>" for a section moved from another topic (topics: ${TOPIC_IDS.join(', ')})`,
  });
