/** Formatting of partial dates (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) for readers: shown only as precise as known. */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `1917` -> "1917", `2014-04` -> "April 2014", `1991-12-25` -> "25 December 1991". */
export function formatPartialDate(date: string): string {
  const [year, month, day] = date.split('-');
  if (!month) return year ?? date;
  const monthName = MONTHS[Number(month) - 1] ?? month;
  return day ? `${Number(day)} ${monthName} ${year}` : `${monthName} ${year}`;
}

/** Sort key that puts a partial date before the more precise dates within it: 1991 < 1991-12 < 1991-12-25. */
export function dateSortKey(date: string): string {
  const [year = '0000', month = '00', day = '00'] = date.split('-');
  return `${year.padStart(4, '0')}-${month}-${day}`;
}

/** How precise a partial date is. */
export function datePrecision(date: string): 'year' | 'month' | 'day' {
  const parts = date.split('-').length;
  return parts === 1 ? 'year' : parts === 2 ? 'month' : 'day';
}
