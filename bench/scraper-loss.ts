/**
 * What the seed's scraper did to numbers (/work/shared/reference/provenance.md, "How the numbers
 * were lost"), as one pure function, so generated benchmark text has the same losses as the real
 * source and the ingest finds the same kinds of gaps in it:
 *
 * | written                               | scraped                          | shape                    |
 * | ------------------------------------- | -------------------------------- | ------------------------ |
 * | `on 17 July 2014, calling`            | `on 17 Julycalling`              | year, comma, space       |
 * | `entered into force in 1988, was`     | `entered into force inwas`       | year, comma, space       |
 * | `On December 6, 1917, President`      | `On December 6,President`        | year, comma, space       |
 * | `mission to NATO in 1998. Until`      | `mission to NATO in Until`       | number and its full stop |
 * | `flight MH17. Allies`                 | `flight MH Allies`               | number and its full stop |
 * | `Over 3,500 officers`                 | `Over 3, officers`               | digits after a comma     |
 * | `the 9M729, which`                    | `the 9M, which`                  | digits after a letter    |
 * | `the 1917 Bolshevik Revolution`       | `the Bolshevik Revolution`       | no trace                 |
 *
 * Runs of three or more digits go; a shorter number goes only right before a full stop. One- and
 * two-digit numbers inside a sentence survive ("17 July", "3,").
 */

// Order matters: each alternative is tried at a position before the next.
const LOSSES: readonly [RegExp, string][] = [
  // A number ending a sentence takes its full stop (and one of the spaces around it) with it.
  [/ ?\d+\.(?= |$)/g, ''],
  // A number set off by a space before and ", " after goes with both: the words either side join.
  [/ \d{3,}, ?/g, ''],
  // After a comma or a letter (a thousands separator, a designation) only the digits go.
  [/(?<=[,\p{L}])\d{3,}/gu, ''],
  // Anywhere else the number and one space beside it go, leaving no trace.
  [/ \d{3,}(?= )|\d{3,} ?/g, ''],
];

const onePass = (text: string): string => LOSSES.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);

/**
 * `text` as the scraper would have left it: see the table above. Passes repeat until nothing
 * changes (one deletion can make another: in "item 1.231" the "231" goes, and then "1." ends the
 * text); each pass only deletes, so this ends.
 */
export function loseNumbers(text: string): string {
  let out = text;
  for (let next = onePass(out); next !== out; next = onePass(out)) out = next;
  return out;
}

const numbers = (text: string): number => text.match(/\d+/g)?.length ?? 0;

/** How many numbers (runs of digits) `loseNumbers` takes out of `text`: each goes whole or not at all. */
export const countLostNumbers = (text: string): number => numbers(text) - numbers(loseNumbers(text));
