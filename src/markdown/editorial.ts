import type { Data, Node } from 'mdast';
import type {} from 'mdast-util-to-hast';

/**
 * Marks for editorial nodes: anything inside a source paragraph that is not source text (a
 * restored value, a note mark, a self-link) carries `data-editorial`, so removing those elements
 * leaves exactly the source's words. The plugins also use the mark to keep out of each other's
 * way: entity links never go into editorial nodes, repairs never match inside them.
 */

/** `data` for an mdast node rendered as `<tag data-editorial ...>`. */
export function editorialData(tagName: string, properties: Record<string, string | number | string[]> = {}): Data {
  return { hName: tagName, hProperties: { ...properties, 'data-editorial': '' } };
}

/** True when the node renders with `data-editorial`. */
export function isEditorial(node: Node): boolean {
  const props = node.data?.hProperties;
  return props !== undefined && props !== null && 'data-editorial' in props;
}

/** The value of a rendered property set through `data.hProperties`, as a string. */
export function renderedProperty(node: Node, name: string): string | undefined {
  const value = node.data?.hProperties?.[name];
  return value === undefined || value === null ? undefined : String(value);
}
