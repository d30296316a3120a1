import { landingPage } from '../landing-page.ts';
import type { LinkRule } from './types.ts';

/** Fragments every page has without an id: the top of the page. */
const IMPLICIT_FRAGMENTS = new Set(['', 'top']);
/** How many available fragments an error lists before it says how many more there are. */
const LISTED = 60;

/**
 * A fragment names an element on the page it lands on; for an alias page, on the page the alias
 * sends readers to. Fragments on files other than HTML pages are not checked.
 */
export const fragmentExistsRule: LinkRule = {
  name: 'fragment-exists',
  check({ site, resolved }) {
    const { fragment } = resolved;
    if (fragment === null || IMPLICIT_FRAGMENTS.has(fragment) || !resolved.path.endsWith('.html')) return null;
    const own = site.pages.get(resolved.path);
    if (!own || own.ids.has(fragment)) return null;
    // An alias page whose target is missing is reported by its refresh link; check it as it stands.
    const landing = landingPage(site, resolved.path) ?? { path: resolved.path, page: own };
    if (landing.page.ids.has(fragment)) return null;
    const via = landing.path === resolved.path ? '' : ` (where the alias page ${resolved.path} sends readers)`;
    return `${landing.path}${via} has no element with id "${fragment}". Available fragments: ${availableFragments(landing.page.ids)}`;
  },
};

/** The ids of a page as `#a, #b, …`, capped so a long page does not flood the report. */
export function availableFragments(ids: ReadonlySet<string>): string {
  const all = [...ids];
  if (all.length === 0) return '(none)';
  const shown = all.slice(0, LISTED).map((id) => `#${id}`).join(', ');
  return all.length > LISTED ? `${shown}, and ${all.length - LISTED} more` : shown;
}
