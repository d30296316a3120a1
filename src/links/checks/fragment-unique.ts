import { landingPage } from '../landing-page.ts';
import type { LinkRule } from './types.ts';

/** A fragment names exactly one element: with a duplicate id the browser picks the first, silently. */
export const fragmentUniqueRule: LinkRule = {
  name: 'fragment-unique',
  check({ site, resolved }) {
    if (!resolved.fragment) return null;
    const landing = landingPage(site, resolved.path);
    if (!landing?.page.duplicateIds.includes(resolved.fragment)) return null;
    return `${landing.path} has more than one element with id "${resolved.fragment}": give each a unique id.`;
  },
};
