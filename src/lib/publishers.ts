/**
 * The publishers of a section's lines, by a per-source index from line number to publishers,
 * built once per source and build. A section page asks for its few lines; filtering every
 * publisher's line list instead would cost each page time proportional to the whole source,
 * which grows with the site (issue 8: nothing on a page may grow with the site).
 */
import type { Publisher } from '../schemas/source.ts';

interface PublisherIndex {
  byLine: Map<number, Publisher[]>;
  /** Each publisher's position in the source's list, to keep that order. */
  position: Map<Publisher, number>;
}

const indexes = new WeakMap<readonly Publisher[], PublisherIndex>();

function indexOf(publishers: readonly Publisher[]): PublisherIndex {
  const known = indexes.get(publishers);
  if (known) return known;
  const index: PublisherIndex = { byLine: new Map(), position: new Map() };
  publishers.forEach((p, i) => {
    index.position.set(p, i);
    for (const line of p.lines) {
      const list = index.byLine.get(line);
      if (list) list.push(p);
      else index.byLine.set(line, [p]);
    }
  });
  indexes.set(publishers, index);
  return index;
}

/**
 * The publishers whose lines include any of `lines`, each once, in the source's order.
 *
 * @example publishersOfLines(source.data.publishers, [7, 9]) // NATO, Global News
 */
export function publishersOfLines(publishers: readonly Publisher[], lines: readonly number[]): Publisher[] {
  const index = indexOf(publishers);
  const found = new Set<Publisher>();
  for (const line of lines) for (const p of index.byLine.get(line) ?? []) found.add(p);
  return [...found].sort((a, b) => (index.position.get(a) ?? 0) - (index.position.get(b) ?? 0));
}
