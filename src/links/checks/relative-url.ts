import type { LinkRule } from './types.ts';

/**
 * Internal URLs are relative to the page. A URL starting with `/` points at the host's root,
 * which breaks the site under a sub-path and when opened from disk.
 */
export const relativeUrlRule: LinkRule = {
  name: 'relative-url',
  check({ link }) {
    if (!link.url.startsWith('/')) return null;
    return `"${link.url}" starts with "/", so it breaks under a sub-path and from file://. Make it relative to the page with relativeUrl() from src/lib/urls.ts.`;
  },
};
