/**
 * Where a build's wall time went, read from Astro's own log lines, so every benchmark run comes
 * with a rough profile: content sync and types, bundling (MDX compile happens here), page
 * rendering, and each of our `astro:build:done` integrations that logs its duration.
 */

/** Phase name -> seconds, for the phases found in the log. */
export type BuildPhases = Record<string, number>;

const ANSI = /\u001b\[[0-9;]*m/g;

const toSeconds = (value: string, unit: string): number => (unit === 'ms' ? Number(value) / 1000 : unit === 'm' ? Number(value) * 60 : Number(value));

/** The phases of one `astro build` log. Phases whose line is missing are left out, never guessed. */
export function buildPhases(log: string): BuildPhases {
  const lines = log.replace(ANSI, '').split('\n');
  const phases: BuildPhases = {};
  const first = (pattern: RegExp, name: string) => {
    for (const line of lines) {
      const m = pattern.exec(line);
      if (m?.[1] && m[2]) {
        phases[name] = Number(toSeconds(m[1], m[2]).toFixed(3));
        return;
      }
    }
  };
  first(/\[types\] Generated ([\d.]+)(ms|s)/, 'content sync and types');
  first(/\[vite\] ✓ built in ([\d.]+)(ms|s)/, 'bundle (vite; MDX compile)');
  first(/^\S+ ✓ Completed in ([\d.]+)(ms|s)\./, 'render pages');
  for (const line of lines) {
    // Our integrations end their summary line with "(<n> ms)".
    const m = /\[([a-z-]+)\] .*\((\d+) ms\)\s*$/.exec(line);
    if (m?.[1] && m[2]) phases[m[1]] = Number((Number(m[2]) / 1000).toFixed(3));
  }
  return phases;
}
