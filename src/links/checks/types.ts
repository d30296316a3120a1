import type { PagePath } from '../../lib/urls.ts';
import type { FoundLink } from '../scan-page.ts';
import type { SiteScan } from '../scan-site.ts';

/** One internal link to check: where it is, what it says, and where it resolves to. */
export interface LinkContext {
  site: SiteScan;
  /** The page the link is on. */
  from: PagePath;
  link: FoundLink;
  /** The link resolved against `from` (see resolveUrl in src/lib/urls.ts). */
  resolved: { path: PagePath; fragment: string | null };
}

/**
 * One rule of the link check: a small unit that looks at one link and, when the link breaks the
 * rule, says what it found and what would be right. Rules run in order and the first that fails
 * reports, so a missing page is not reported again as a missing fragment.
 */
export interface LinkRule {
  /** Short name shown in the report, e.g. `target-exists`. */
  name: string;
  /** A message for the reader, or null when the link keeps the rule. */
  check(context: LinkContext): string | null;
}
