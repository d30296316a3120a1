/** publishersOfLines: the same answer as filtering every publisher, from an index built once. */
import { describe, expect, it } from 'vitest';
import { publishersOfLines } from '../../src/lib/publishers.ts';
import type { Publisher } from '../../src/schemas/source.ts';

const nato: Publisher = { name: 'NATO', lines: [7, 9, 13] };
const state: Publisher = { name: 'U.S. Department of State', lines: [51, 53] };
const news: Publisher = { name: 'Global News', lines: [7, 17] };
const publishers = [nato, state, news];

describe('publishersOfLines', () => {
  it('finds each publisher of the lines once, in the source’s order', () => {
    expect(publishersOfLines(publishers, [17, 9, 7]).map((p) => p.name)).toEqual(['NATO', 'Global News']);
  });

  it('finds none for lines no publisher claims', () => {
    expect(publishersOfLines(publishers, [1, 2])).toEqual([]);
  });

  it('agrees with filtering every publisher, for every line', () => {
    for (let line = 1; line <= 60; line++) {
      expect(publishersOfLines(publishers, [line, line + 2])).toEqual(publishers.filter((p) => p.lines.some((l) => l === line || l === line + 2)));
    }
  });
});
