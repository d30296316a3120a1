/**
 * The benchmark's model of the scraper: every loss recorded in the seed's provenance notes
 * (/work/shared/reference/provenance.md) comes out as the scraper left it, and on any text it only
 * deletes, leaves no run of three digits, and is stable.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countLostNumbers, loseNumbers } from '../../bench/scraper-loss.ts';

describe('loseNumbers', () => {
  it.each([
    ['Russia shot down flight MH17 on 17 July 2014, calling for', 'Russia shot down flight MH17 on 17 Julycalling for'],
    ['The INF Treaty entered into force in 1988, was concluded', 'The INF Treaty entered into force inwas concluded'],
    ['On December 6, 1917, President Wilson', 'On December 6,President Wilson'],
    ['a diplomatic mission to NATO in 1998. Until then', 'a diplomatic mission to NATO in Until then'],
    ['the downing of flight MH17. Allies said', 'the downing of flight MH Allies said'],
    ['Over 3,500 officers were trained', 'Over 3, officers were trained'],
    ['the 9M729, which violates the INF Treaty', 'the 9M, which violates the INF Treaty'],
    ['following the 1917 Bolshevik Revolution', 'following the Bolshevik Revolution'],
    ['established a mission in 1998.', 'established a mission in'],
    ['the Allies met 40 times. Then', 'the Allies met 40 times. Then'],
    ['the Allies met 40. Then', 'the Allies met Then'],
    ['on 17 July they met.', 'on 17 July they met.'],
    // One deletion makes another: "231" goes, then "1." ends the text.
    ['item 1.231', 'item'],
  ])('%s', (written, scraped) => {
    expect(loseNumbers(written)).toBe(scraped);
  });

  it('counts the numbers it takes out', () => {
    expect(countLostNumbers('On December 6, 1917, President')).toBe(1);
    expect(countLostNumbers('Over 3,500 officers in 1998. Until 17 July')).toBe(2);
    expect(countLostNumbers('nothing lost on 17 July')).toBe(0);
  });

  // Short pieces, digits and punctuation often, so deletions meet and make new losses ("1.231").
  const text = fc.string({ unit: fc.constantFrom('1', '23', '456', ' ', ',', '.', 'a', 'July', '\n'), maxLength: 40 });
  /** True when `small` can be had from `big` by deleting characters. */
  const isSubsequence = (small: string, big: string) => {
    let i = 0;
    for (const ch of big) if (ch === small[i]) i++;
    return i === small.length;
  };

  it('only deletes, leaves no run of three digits, and a second pass changes nothing', () => {
    fc.assert(fc.property(text, (t) => {
      const out = loseNumbers(t);
      expect(isSubsequence(out, t)).toBe(true);
      expect(out).not.toMatch(/\d{3}/);
      expect(loseNumbers(out)).toBe(out);
      expect(countLostNumbers(t)).toBeGreaterThanOrEqual(0);
    }), { numRuns: 5000 });
  });

  it('leaves text without digits as it was', () => {
    fc.assert(fc.property(fc.string().filter((t) => !/\d/.test(t)), (t) => {
      expect(loseNumbers(t)).toBe(t);
    }));
  });
});
