/**
 * The date a restoration completes, for the timeline: "On December 6," + " 1917," is
 * 1917-12-06; "in" + " 1998" is 1998. Only when the restored words hold the year.
 */
import { partialDateSchema } from '../../schemas/dates.ts';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = `(${MONTHS.join('|')})`;
const pad = (n: number): string => String(n).padStart(2, '0');

export function restoredDate(before: string, insert: string): string | undefined {
  const year = /\b(1[5-9]\d\d|20\d\d)\b/.exec(insert)?.[1];
  if (!year) return undefined;
  const text = `${before.slice(-40)}${insert}`.toLowerCase();
  const yearAt = text.lastIndexOf(year);
  const lead = text.slice(0, yearAt);
  const monthOf = (name: string | undefined) => MONTHS.indexOf(name ?? '') + 1;
  const candidates: string[] = [];
  const mdy = new RegExp(`${MONTH}\\s+(\\d{1,2}),?\\s*$`).exec(lead);
  const dmy = new RegExp(`(\\d{1,2})\\s+${MONTH},?\\s*$`).exec(lead);
  const my = new RegExp(`${MONTH},?\\s*$`).exec(lead);
  if (mdy) candidates.push(`${year}-${pad(monthOf(mdy[1]))}-${pad(Number(mdy[2]))}`);
  else if (dmy) candidates.push(`${year}-${pad(monthOf(dmy[2]))}-${pad(Number(dmy[1]))}`);
  else if (my) candidates.push(`${year}-${pad(monthOf(my[1]))}`);
  candidates.push(year);
  return candidates.find((c) => partialDateSchema.safeParse(c).success);
}
