import { z } from 'zod';

/**
 * A date as precise as the source allows: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
 *
 * YAML turns an unquoted `2014-07-17` into a Date and `2014` into a number; both are
 * accepted and normalised to the string form, so authors need not quote dates.
 * Impossible dates (`2014-02-30`, month 13) are rejected.
 *
 * @example '1917', '2014-04', '2014-07-17'
 */
export const partialDateSchema = z
  .union([z.string(), z.number(), z.date()], {
    error: (issue) =>
      `expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found ${describe(issue.input)}`,
  })
  .transform((value, ctx) => {
    const text = normaliseDate(value);
    if (text === null || !isRealDate(text)) {
      ctx.addIssue({
        code: 'custom',
        message: `expected a real date as YYYY, YYYY-MM or YYYY-MM-DD, found ${describe(value)}`,
      });
      return z.NEVER;
    }
    return text;
  });

export type PartialDate = z.output<typeof partialDateSchema>;

const DATE_SHAPE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function normaliseDate(value: string | number | Date): string | null {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    return value.toISOString().slice(0, 10);
  }
  if (typeof value === 'number') {
    return Number.isInteger(value) && value >= 1000 && value <= 9999 ? String(value) : null;
  }
  return value.trim();
}

/** True when `text` has one of the three shapes and names a day that exists. */
export function isRealDate(text: string): boolean {
  const match = DATE_SHAPE.exec(text);
  if (!match) return false;
  const year = Number(match[1]);
  const month = match[2] === undefined ? undefined : Number(match[2]);
  const day = match[3] === undefined ? undefined : Number(match[3]);
  if (month === undefined) return true;
  if (month < 1 || month > 12) return false;
  if (day === undefined) return true;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth;
}

function describe(value: unknown): string {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid date' : value.toISOString().slice(0, 10);
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return 'nothing';
  return `${typeof value} ${JSON.stringify(value)}`;
}
