/**
 * The seeded generator the benchmark and the tests that replay a run share (bench/random.ts):
 * the same seed gives the same choices, and a sample holds distinct elements of its list.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../bench/random.ts';

describe('seeded random', () => {
  it('samples distinct elements of the list, as many as asked or all there are, the same for the same seed', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.string(), { maxLength: 40 }), fc.nat(50), fc.nat(), (list, count, seed) => {
      const sample = createRandom(seed).sample(list, count);
      expect(sample).toHaveLength(Math.min(count, list.length));
      expect(new Set(sample).size).toBe(sample.length);
      for (const item of sample) expect(list).toContain(item);
      expect(createRandom(seed).sample(list, count)).toEqual(sample);
    }));
  });

  it('does not always sample the first elements', () => {
    const list = Array.from({ length: 30 }, (_, i) => i);
    const firsts = new Set(Array.from({ length: 20 }, (_, seed) => createRandom(seed).sample(list, 5)[0]));
    expect(firsts.size).toBeGreaterThan(5);
  });
});
