/**
 * Results kept by key, at most `max` of them: when full, it starts over. For work asked again and
 * again for a few keys at a time (a page's links repeat a few paths; a line's repairs repeat a few
 * words), where keeping everything ever asked would only grow. `Infinity` keeps every result for
 * as long as the memo lives: for one page's own repeated markup (src/lib/source-lines-html.ts).
 */
export function boundedMemo<V>(max: number): (key: string, make: () => V) => V {
  const kept = new Map<string, V>();
  return (key, make) => {
    if (kept.has(key)) return kept.get(key) as V;
    const value = make();
    if (kept.size >= max) kept.clear();
    kept.set(key, value);
    return value;
  };
}
