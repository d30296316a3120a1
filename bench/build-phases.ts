/**
 * Where a build's wall time went, read from Astro's own log lines, so every benchmark run comes
 * with a rough profile: content sync and types, bundling (MDX compile happens here), page
 * rendering, and each of our `astro:build:done` integrations that logs its duration.
 */

/** Phase name -> seconds, for the phases found in the log. */
export type BuildPhases = Record<string, number>;

const ANSI = /\u001b\[[0-9;]*m/g;
/** Astro's own log labels, read above by their own patterns; every other label is one of our integrations. */
const ASTRO_LOGGERS = new Set(['vite', 'build', 'types', 'content', 'check']);

/** Astro's durations: "881ms", "1.98s", "1m 37s". */
const DURATION = String.raw`((?:\d+m )?[\d.]+(?:ms|s))`;

export function toSeconds(text: string): number {
  const m = /^(?:(\d+)m )?([\d.]+)(ms|s)$/.exec(text);
  if (!m?.[2]) throw new Error(`not a duration in Astro's format: "${text}"`);
  return Number(m[1] ?? 0) * 60 + Number(m[2]) / (m[3] === 'ms' ? 1000 : 1);
}

/** The phases of one `astro build` log. Phases whose line is missing are left out, never guessed. */
export function buildPhases(log: string): BuildPhases {
  const lines = log.replace(ANSI, '').split('\n');
  const phases: BuildPhases = {};
  const first = (pattern: RegExp, name: string) => {
    for (const line of lines) {
      const m = pattern.exec(line);
      if (m?.[1]) {
        phases[name] = Number(toSeconds(m[1]).toFixed(3));
        return;
      }
    }
  };
  first(new RegExp(String.raw`\[types\] Generated ${DURATION}`), 'content sync and types');
  first(new RegExp(String.raw`\[vite\] ✓ built in ${DURATION}`), 'bundle (vite; MDX compile)');
  first(new RegExp(String.raw`^\S+ ✓ Completed in ${DURATION}\.`), 'render pages');
  for (const line of lines) {
    // Our integrations end their summary line with their duration in ms: "(812 ms)" or "in 812 ms".
    const m = /\[([a-z-]+)\] .*?(\d+) ?ms\)?\.?\s*$/.exec(line);
    if (m?.[1] && m[2] && !ASTRO_LOGGERS.has(m[1])) phases[m[1]] = Number((Number(m[2]) / 1000).toFixed(3));
  }
  return phases;
}
