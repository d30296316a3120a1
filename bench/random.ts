/**
 * A seeded pseudo-random source (mulberry32), so every benchmark run generates the same text:
 * timings then compare builds, not corpora. Not for anything that needs real randomness.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** One element of a non-empty list. */
  pick<T>(list: readonly T[]): T;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** `count` elements of `list` (all of them when it is shorter), each at most once. */
  sample<T>(list: readonly T[], count: number): T[];
}

/** A new generator; the same seed always gives the same sequence. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: <T>(list: readonly T[]): T => {
      if (list.length === 0) throw new Error('createRandom().pick: the list is empty');
      return list[int(0, list.length - 1)] as T;
    },
    chance: (p: number): boolean => next() < p,
    sample: <T>(list: readonly T[], count: number): T[] => {
      const pool = [...list];
      for (let i = pool.length - 1; i > 0; i--) {
        const j = int(0, i);
        [pool[i], pool[j]] = [pool[j] as T, pool[i] as T];
      }
      return pool.slice(0, count);
    },
  };
}

/** A seed for item `index` of a run seeded with `seed`: item i gets the same text whatever the run's size. */
export const itemSeed = (seed: number, index: number): number => (Math.imul(seed ^ 0x9e3779b9, 2654435761) + Math.imul(index + 1, 40503)) >>> 0;
