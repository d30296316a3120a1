/**
 * The build's date, `YYYY-MM-DD` in UTC: the access date of every citation. It comes from
 * `SOURCE_DATE_EPOCH` (seconds since 1970, the reproducible-builds convention) when set, so two
 * builds of the same commit are byte-identical; else from the clock.
 */
export function buildDate(env: NodeJS.ProcessEnv = process.env, now: () => Date = () => new Date()): string {
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  if (epoch) {
    if (!/^\d+$/.test(epoch)) throw new Error(`SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01, such as 1700000000; found "${epoch}".`);
    return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  }
  return now().toISOString().slice(0, 10);
}
