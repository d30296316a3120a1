import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AmbiguousTermError, createEntityMatcher, isAcronym } from '../../src/markdown/entity-matcher.ts';

const matcher = createEntityMatcher([
  { id: 'russia', terms: ['Russia', 'Russian Federation'] },
  { id: 'nato', terms: ['NATO', 'the Alliance', 'Allies'] },
  { id: 'nrc', terms: ['NATO-Russia Council', 'NRC'] },
  { id: 'us', terms: ['United States', 'US', 'U.S.'] },
  { id: 'mh17', terms: ['flight MH17'] },
]);
const found = (text: string) => matcher.find(text).map((m) => [text.slice(m.start, m.end), m.entityId]);

describe('entity matcher', () => {
  it('matches whole words only', () => {
    expect(found('Russian forces and Russians')).toEqual([]);
    expect(found('Prussia')).toEqual([]);
    expect(found('NATO-led operations')).toEqual([['NATO', 'nato']]);
    expect(found('(Russia)')).toEqual([['Russia', 'russia']]);
  });

  it('ignores case, except in acronyms', () => {
    expect(found('THE ALLIANCE and the alliance')).toEqual([['THE ALLIANCE', 'nato'], ['the alliance', 'nato']]);
    expect(found('tell us, then the US')).toEqual([['US', 'us']]);
    expect(found('nato')).toEqual([]);
    expect(isAcronym('U.S.')).toBe(true);
    expect(isAcronym('9M729')).toBe(false);
    expect(isAcronym('Russia')).toBe(false);
  });

  it('takes a possessive as part of the mention', () => {
    expect(found("Russia's campaign")).toEqual([["Russia's", 'russia']]);
    expect(found('Russia’s campaign')).toEqual([['Russia’s', 'russia']]);
    expect(found("the Allies' demands")).toEqual([["Allies'", 'nato']]);
    expect(found("Russia'sake")).toEqual([['Russia', 'russia']]);
  });

  it('prefers the longest term at a position', () => {
    expect(found('the NATO-Russia Council met')).toEqual([['NATO-Russia Council', 'nrc']]);
    expect(found('the Russian Federation')).toEqual([['Russian Federation', 'russia']]);
  });

  it('lets any whitespace run stand for a space in a term', () => {
    expect(found('the United\n  States')).toEqual([['United\n  States', 'us']]);
    expect(found('flight\tMH17.')).toEqual([['flight\tMH17', 'mh17']]);
  });

  it('matches terms ending in punctuation', () => {
    expect(found('by the U.S. in cooperation')).toEqual([['U.S.', 'us']]);
    expect(found('with U. The')).toEqual([]);
  });

  it('refuses a term that names two entities', () => {
    expect(() => createEntityMatcher([{ id: 'a', terms: ['Georgia'] }, { id: 'b', terms: ['georgia'] }])).toThrow(AmbiguousTermError);
    expect(() => createEntityMatcher([{ id: 'a', terms: ['Georgia'] }, { id: 'b', terms: ['georgia'] }])).toThrow(/"a" and "b"/);
  });

  it('finds ordered, non-overlapping mentions that each spell a term, in any text', () => {
    const alphabet = fc.constantFrom('Russia', 'NATO', 'the Alliance', 'US', 'us', "'s", '-', ' ', '\n', 'x', 'Council', 'NATO-Russia', 'é', '.');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 30 }).map((parts) => parts.join('')), (text) => {
        let last = 0;
        for (const m of matcher.find(text)) {
          expect(m.start).toBeGreaterThanOrEqual(last);
          expect(m.end).toBeGreaterThan(m.start);
          const words = text.slice(m.start, m.end).replace(/\s+/g, ' ').replace(/['’]s?$/, '');
          expect(words.toLowerCase()).toBe(m.term.toLowerCase());
          expect(/[\p{L}\p{N}]/u.test(text[m.start - 1] ?? ' ')).toBe(false);
          last = m.end;
        }
      }),
    );
  });
});
