import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRealDate, partialDateSchema } from '../../src/schemas/dates.ts';
import { dateSortKey, formatPartialDate } from '../../src/lib/dates.ts';

describe('partial dates', () => {
  it.each([
    ['1917', true], ['2014-04', true], ['2014-07-17', true], ['2016-02-29', true],
    ['2015-02-29', false], ['2014-02-30', false], ['2014-13', false], ['2014-00', false], ['2014-4', false], ['17 July 2014', false], ['', false],
  ])('%s is a real date: %s', (text, ok) => {
    expect(isRealDate(text)).toBe(ok);
  });

  it('accepts what YAML makes of unquoted dates and years', () => {
    expect(partialDateSchema.parse(new Date('2014-07-17T00:00:00Z'))).toBe('2014-07-17');
    expect(partialDateSchema.parse(1917)).toBe('1917');
    expect(partialDateSchema.safeParse(17).success).toBe(false);
  });

  it('agrees with the calendar for every day', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1000-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }), (d) => {
        expect(isRealDate(d.toISOString().slice(0, 10))).toBe(true);
      }),
    );
  });

  it('shows dates only as precise as known, and sorts a year before its months', () => {
    expect(formatPartialDate('1917')).toBe('1917');
    expect(formatPartialDate('2014-04')).toBe('April 2014');
    expect(formatPartialDate('1991-12-25')).toBe('25 December 1991');
    expect(['1991-12-25', '1991', '1991-12'].sort((a, b) => dateSortKey(a).localeCompare(dateSortKey(b)))).toEqual(['1991', '1991-12', '1991-12-25']);
  });
});
