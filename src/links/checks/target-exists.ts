import type { LinkRule } from './types.ts';

/** The file a link points at is in the build output. */
export const targetExistsRule: LinkRule = {
  name: 'target-exists',
  check({ site, resolved }) {
    if (site.files.has(resolved.path)) return null;
    return `it points to ${resolved.path}, which is not in the build.`;
  },
};
