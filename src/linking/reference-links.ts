import type { Definition, Link, Root } from 'mdast';
import type { Position } from 'unist';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { REF_PREFIX, resolveReference, targetHref, type ReferenceInventory, type Resolution } from './reference-inventory.ts';

/** A link into the reference found in a Markdown tree, and what it comes to. */
export interface ReferenceLink {
  node: Link | Definition;
  href: string;
  position: Position | undefined;
  resolution: Resolution;
}

/** Every link and link definition of `tree` that points into the reference (`ref:` or under the base URL). */
export function findReferenceLinks(tree: Root, inventory: ReferenceInventory): ReferenceLink[] {
  const found: ReferenceLink[] = [];
  visit(tree, (node) => {
    if (node.type !== 'link' && node.type !== 'definition') return;
    const resolution = resolveReference(inventory, node.url);
    if (resolution) found.push({ node, href: node.url, position: node.position, resolution });
  });
  return found;
}

/** Options of {@link remarkReferenceLinks}. */
export interface ReferenceLinksOptions {
  /** The reference's targets: see loadInventory / inventoryFromLinksJson in reference-inventory.ts. */
  inventory: ReferenceInventory;
}

/**
 * A remark plugin for documents that link into the reference: rewrites each `ref:<topic>/<slug>#<id>`
 * link to the target's URL (absolute when the inventory knows the site's base URL), follows a
 * moved target to where it is now with a warning, and fails the file on a dead link, with the
 * link's position, so a docs build stops before publishing it.
 *
 * @example
 * unified().use(remarkParse).use(remarkReferenceLinks, { inventory }).use(remarkStringify)
 */
export function remarkReferenceLinks(options: ReferenceLinksOptions) {
  const { inventory } = options;
  return (tree: Root, file: VFile) => {
    for (const link of findReferenceLinks(tree, inventory)) {
      const { resolution, node, href } = link;
      if (resolution.status === 'dead') {
        file.fail(`Dead link into the reference: ${href}: ${resolution.reason}. Fix the link, or remove it.`, { place: link.position, ruleId: 'dead', source: 'remark-reference-links' });
      }
      const now = targetHref(inventory, resolution.target);
      if (resolution.status === 'moved') {
        file.message(`Moved: ${href} now lives at ${now} (“${resolution.target.title}”). Update the link.`, { place: link.position, ruleId: 'moved', source: 'remark-reference-links' });
      }
      if (href.startsWith(REF_PREFIX) || resolution.status === 'moved') node.url = now;
    }
  };
}
