import type { Link, Parent, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { VFile } from 'vfile';
import { contentDir } from '../lib/content-dir.ts';
import { entityPath, relativeUrl, type PagePath } from '../lib/urls.ts';
import { isEditorial } from './editorial.ts';
import { createEntityMatcher, type EntityMatcher } from './entity-matcher.ts';
import { loadEntityTerms } from './entity-terms.ts';
import { sectionPagePathOf } from './page-path.ts';

export interface EntityLinksOptions {
  /** The matcher to use; default: one built from the content folder's entities when the plugin is set up. */
  matcher?: EntityMatcher;
  /** The page a file renders to; default: its section page, or none (no links) for other files. */
  pagePathOf?: (file: VFile) => PagePath | undefined;
}

/**
 * Links the first mention of each entity in a section to the entity's page.
 *
 * A mention is found by one matcher over every name and alias (see `entity-matcher.ts`). Only
 * source text is searched: never headings (our words), links, or editorial nodes such as
 * restored words. The link wraps the source words unchanged, so it is not editorial; it carries
 * `class="entity-link"` and `data-entity="<id>"`. Runs after the anchors and repairs plugins.
 */
export default function remarkEntityLinks(options: EntityLinksOptions = {}) {
  const matcher = options.matcher ?? createEntityMatcher(loadEntityTerms(contentDir()));
  const pagePathOf = options.pagePathOf ?? ((file: VFile) => sectionPagePathOf(file.path));
  return (tree: Root, file: VFile) => {
    const page = pagePathOf(file);
    if (!page) return;
    linkFirstMentions(tree, matcher, page);
  };
}

/** Links the first mention of every entity in `tree`, in document order. */
export function linkFirstMentions(tree: Root, matcher: EntityMatcher, page: PagePath): void {
  const linked = new Set<string>();
  const walk = (parent: Parent) => {
    for (let i = 0; i < parent.children.length; i++) {
      const child = parent.children[i] as RootContent;
      if (child.type === 'text') {
        const replacement = linkText(child, matcher, page, linked);
        if (replacement) {
          parent.children.splice(i, 1, ...(replacement as Parent['children']));
          i += replacement.length - 1;
        }
      } else if (searchable(child) && 'children' in child) {
        walk(child);
      }
    }
  };
  walk(tree);
}

/** Headings, links and editorial nodes are never searched. */
function searchable(node: RootContent): boolean {
  return node.type !== 'heading' && node.type !== 'link' && node.type !== 'linkReference' && node.type !== 'definition' && !isEditorial(node);
}

/** The text split around new first mentions, or undefined when it holds none. */
function linkText(node: Text, matcher: EntityMatcher, page: PagePath, linked: Set<string>): PhrasingContent[] | undefined {
  const fresh = matcher.find(node.value).filter((m) => {
    if (linked.has(m.entityId)) return false;
    linked.add(m.entityId);
    return true;
  });
  if (fresh.length === 0) return undefined;
  const out: PhrasingContent[] = [];
  let at = 0;
  for (const m of fresh) {
    if (m.start > at) out.push({ type: 'text', value: node.value.slice(at, m.start) });
    out.push(entityLink(node.value.slice(m.start, m.end), m.entityId, page));
    at = m.end;
  }
  if (at < node.value.length) out.push({ type: 'text', value: node.value.slice(at) });
  return out;
}

function entityLink(words: string, entityId: string, page: PagePath): Link {
  return {
    type: 'link',
    url: relativeUrl(page, entityPath(entityId)),
    title: null,
    data: { hProperties: { className: ['entity-link'], 'data-entity': entityId } },
    children: [{ type: 'text', value: words }],
  };
}
