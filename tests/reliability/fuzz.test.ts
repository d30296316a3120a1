/**
 * Bad content never crashes the build: random damage to a copy of the content (see
 * tests/fuzz/content-mutations.ts), each case built for real. Every case either builds, or fails
 * in bounded time with exit code 1 and a report naming a content file and a field or line: never a
 * stack trace, never a hang, never another exit code.
 *
 * FUZZ_RUNS=<n> runs more cases (CI runs the default), FUZZ_SEED=<n> replays a run.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { tempBuildRoot } from '../helpers/temp-build.ts';
import { hugeSection, mutationArbitrary, type Mutation } from '../fuzz/content-mutations.ts';

const root = path.resolve(import.meta.dirname, '../..');
const work = tempBuildRoot('fuzz');
const content = path.join(work, 'content');
const RUNS = Number(process.env.FUZZ_RUNS ?? 6);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
/** A case that runs longer than this is a hang. */
const BOUND_MS = 240_000;
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function build(): { status: number | null; signal: string | null; output: string; ms: number } {
  const started = Date.now();
  const result = spawnSync('npm', ['run', 'build', '--silent'], {
    cwd: root,
    env: { ...process.env, SITE_CONTENT_DIR: content, SITE_OUT_DIR: path.join(work, 'dist'), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: BOUND_MS,
    killSignal: 'SIGKILL',
  });
  return { status: result.status, signal: result.signal, output: `${result.stdout}\n${result.stderr}`.replace(/\x1b\[[0-9;]*m/g, ''), ms: Date.now() - started };
}

/** The build's verdict on the damaged content must be a user's report, or a site. */
function expectHandled(label: string, result: ReturnType<typeof build>): void {
  const what = `${label} (FUZZ_SEED=${SEED})\n${result.output.slice(-3000)}`;
  expect(result.signal, `hung or was killed: ${what}`).toBeNull();
  expect([0, 1], what).toContain(result.status);
  expect(result.output, what).not.toMatch(/Stack trace:|\n\s+at .+\.(ts|js|mjs):\d+:\d+/);
  if (result.status === 1) {
    expect(result.output, what).toMatch(/(sections\/[a-z0-9-]+\/[a-z0-9-]+\.mdx|entities\/[a-z0-9-]+\.yaml|sources\/[a-z0-9-]+\.yaml|site\.yaml)/);
    expect(result.output, what).toMatch(/ - [^\n]*(:|\(line \d+\))/);
    expect(result.output, what).toMatch(/left as it was|nothing was written/);
  }
}

const fresh = () => {
  fs.rmSync(content, { recursive: true, force: true });
  fs.cpSync(path.join(root, 'content'), content, { recursive: true });
};

describe(`builds of damaged content (FUZZ_RUNS=${RUNS}, FUZZ_SEED=${SEED})`, () => {
  it('each build or fail with a report naming the file, in bounded time', () => {
    fresh();
    const seen: string[] = [];
    fc.assert(
      fc.property(mutationArbitrary(content), (mutation: Mutation) => {
        fresh();
        mutation.apply(content);
        const result = build();
        seen.push(`${mutation.label} in ${mutation.file}: exit ${result.status} in ${(result.ms / 1000).toFixed(1)} s`);
        expectHandled(`${mutation.label} in ${mutation.file}`, result);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    console.log(`[fuzz] ${seen.length} damaged folders built (seed ${SEED}; more with FUZZ_RUNS=<n>):\n  ${seen.join('\n  ')}`);
    expect(seen.length).toBe(RUNS);
  }, RUNS * BOUND_MS + 60_000);

  it('builds a 5 MB section or fails on it with a report, in bounded time', () => {
    fresh();
    const file = path.join(content, 'sections', 'history', 'long-record.mdx');
    fs.writeFileSync(file, hugeSection(5 * 1024 * 1024));
    const result = build();
    console.log(`[fuzz] a 5 MB section: exit ${result.status} in ${(result.ms / 1000).toFixed(1)} s`);
    expectHandled('a 5 MB section', result);
  }, BOUND_MS + 60_000);
});
