/**
 * The bounded memo behind resolveUrl, relativeUrl and the source page's repair search
 * (src/lib/bounded-memo.ts): each key's value is made once while kept, and it never holds more
 * than its limit, starting over when full.
 */
import { describe, expect, it } from 'vitest';
import { boundedMemo } from '../../src/lib/bounded-memo.ts';

describe('bounded memo', () => {
  it('makes a value once per key while it is kept, and again after it started over', () => {
    const made: string[] = [];
    const memo = boundedMemo<string>(2);
    const get = (key: string) => memo(key, () => {
      made.push(key);
      return key.toUpperCase();
    });
    expect([get('a'), get('a'), get('b'), get('a')]).toEqual(['A', 'A', 'B', 'A']);
    expect(made).toEqual(['a', 'b']);
    // Full with a and b: c starts it over, so a is made again.
    expect([get('c'), get('a'), get('c')]).toEqual(['C', 'A', 'C']);
    expect(made).toEqual(['a', 'b', 'c', 'a']);
  });

  it('keeps a value that is falsy or undefined as made', () => {
    let calls = 0;
    const memo = boundedMemo<string | undefined>(4);
    for (let i = 0; i < 3; i++) memo('x', () => (calls++, undefined));
    expect(calls).toBe(1);
  });
});
