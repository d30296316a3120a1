/**
 * Our build of one benchmark content folder, cold and then warm: the cold build starts with no
 * cache and no output; each warm build after it uses the same content and output folders, so it
 * reuses the cache the build before left (src/lib/build-dirs.ts), after one edit (bench/edits.ts):
 *
 * 1. nothing changed, Astro run anyway (`SITE_REBUILD=1`: Astro's incremental build on its own);
 * 2. nothing changed, `npm run build` as an editor runs it (it finds nothing changed and skips);
 * 3. one section's text changed; 4. one section added; 5. one entity renamed.
 *
 * A run may take several rounds (`npm run bench -- --runs N`): each round is a cold build and
 * then every warm step once, each after a new edit of its kind (bench/edits.ts), and the rounds
 * are combined by median ({@link combineRounds}). One build of a few seconds varies by a second
 * from run to run on a shared machine, and the machine's speed drifts over a run: a warm build's
 * ratio is taken to the cold build of its own round.
 *
 * The cold build and the warm ones are two calls, so that other builds of the same content (the
 * floor, Starlight) can run between them, before any edit. Edits accumulate, as an editor's would. Every build is timed and its own log read for the pages
 * it rendered and reused (bench/build-log.ts). A warm build starts once the build before it has
 * removed the output folder it replaced (in the background, after saying it is done): timed back
 * to back, that removal of thousands of files would land in the next build's time, which an
 * editor making one edit between builds never sees; the wait is recorded with each build.
 */
import fs from 'node:fs';
import path from 'node:path';
import { removeTree } from '../src/lib/atomic-file.ts';
import { buildDirs, replacedOutputs } from '../src/lib/build-dirs.ts';
import { readBuildLog, type BuildLog } from './build-log.ts';
import { addSection, editSectionText, renameEntity } from './edits.ts';
import { ROOT } from './ingest-step.ts';
import { runMeasured } from './measure.ts';

export interface BuildRun extends BuildLog {
  /** cold, unchanged, unchanged-skipped, text-edit, section-added or entity-renamed. */
  step: string;
  /** What the edit before this build changed. */
  change: string;
  seconds: number;
  /** User + system CPU seconds of the whole process tree (0 without /usr/bin/time). */
  cpuSeconds: number;
  peakRssBytes: number;
  /** This build's wall time over the cold build's. */
  ratioToCold: number;
  /** 1-minute load average when this build started. */
  loadAverage: number;
  /** Seconds spent, before this build started, waiting for the build before it to finish removing the output folder it replaced. */
  waitedForCleanupSeconds: number;
  /** Every round's build of this step, in seconds, in the order run (this build is the median one). */
  secondsAll: number[];
  /** Every round's ratio to its own round's cold build, in the order run (a warm step of several rounds). */
  ratiosAll?: number[];
}

export interface IncrementalOptions {
  contentDir: string;
  outDir: string;
  /** Folder for the build logs. */
  logDir: string;
  /** Seconds since 1970 of the citation date every build of the run shows (src/lib/build-date.ts). */
  sourceDateEpoch: number;
  /** The entity the last step renames. */
  renameEntityId: string;
  progress: (message: string) => void;
  loadAverage: () => number;
}

/** The warm steps in order; `edit` makes the change before the build (in round `run`, from 0). */
const WARM_STEPS: readonly { step: string; edit: (o: IncrementalOptions, run: number) => string; env?: NodeJS.ProcessEnv }[] = [
  { step: 'unchanged', edit: () => 'nothing; Astro run anyway (SITE_REBUILD=1)', env: { SITE_REBUILD: '1' } },
  { step: 'unchanged-skipped', edit: () => 'nothing; npm run build as it is' },
  { step: 'text-edit', edit: (o, run) => editSectionText(o.contentDir, run) },
  { step: 'section-added', edit: (o, run) => addSection(o.contentDir, run) },
  { step: 'entity-renamed', edit: (o) => renameEntity(o.contentDir, o.renameEntityId) },
];

type TimedBuild = Omit<BuildRun, 'ratioToCold' | 'secondsAll'>;

/** The run whose `by` is the median (the lower middle one of an even count); `what` names the runs in the error when there is none. */
function medianBy<T>(runs: readonly T[], by: (run: T) => number, what: string): T {
  const median = [...runs].sort((a, b) => by(a) - by(b))[Math.floor((runs.length - 1) / 2)];
  if (median === undefined) throw new Error(`bench: no ${what} ran (the number of rounds must be at least 1)`);
  return median;
}

/** The environment of every build of one benchmark: its folders, and one citation date (so a build after midnight re-renders nothing for it). */
function buildEnv(o: IncrementalOptions): NodeJS.ProcessEnv {
  return { ...process.env, SITE_CONTENT_DIR: o.contentDir, SITE_OUT_DIR: o.outDir, SOURCE_DATE_EPOCH: String(o.sourceDateEpoch), ASTRO_TELEMETRY_DISABLED: '1' };
}

/** How long to wait for a replaced output folder to go before timing the next build anyway. */
const CLEANUP_WAIT_MS = 120_000;

/**
 * Waits until the last build's detached removal of the output folder it replaced (scripts/build.ts)
 * is done, so that each timed build starts on a machine as quiet as the cold build's, as it would
 * for an editor, who takes longer than that to make the next edit. Returns the seconds waited.
 */
export async function waitForCleanup(env: NodeJS.ProcessEnv): Promise<number> {
  const { cacheDir } = buildDirs(env, ROOT);
  const start = performance.now();
  while (replacedOutputs(cacheDir).length > 0 && performance.now() - start < CLEANUP_WAIT_MS) await new Promise((resolve) => setTimeout(resolve, 100));
  return Number(((performance.now() - start) / 1000).toFixed(2));
}

async function timedBuild(o: IncrementalOptions, env: NodeJS.ProcessEnv, step: string, change: string, logName: string): Promise<TimedBuild> {
  const waitedForCleanupSeconds = await waitForCleanup(env);
  const loadAverage = o.loadAverage();
  o.progress(`build: ${step} (${change}; load average ${loadAverage.toFixed(1)}${waitedForCleanupSeconds > 0 ? `; waited ${waitedForCleanupSeconds} s for the last build to remove the output it replaced` : ''})`);
  const logFile = path.join(o.logDir, logName);
  const measured = await runMeasured('npm', ['run', 'build', '--silent'], { cwd: ROOT, env, logFile });
  const log = readBuildLog(fs.readFileSync(logFile, 'utf8'));
  o.progress(`built in ${measured.seconds.toFixed(1)} s (${measured.cpuSeconds.toFixed(1)} s CPU): ${log.skipped ? 'skipped, nothing changed' : `${log.pagesRendered} pages rendered, ${log.pagesReused} reused; ${log.sectionsRendered} sections rendered`}`);
  return { step, change, seconds: measured.seconds, cpuSeconds: measured.cpuSeconds, peakRssBytes: measured.peakRss, loadAverage, waitedForCleanupSeconds, ...log };
}

/**
 * One cold build (no cache, no output): round `round` (from 0) of `rounds`. The build before it
 * may still be removing the output it replaced inside the cache folder: the cache goes once that
 * is done, and whole (removeTree), or the "cold" build would find half a cache.
 */
export async function coldBuild(o: IncrementalOptions, round = 0, rounds = 1): Promise<TimedBuild> {
  const env = buildEnv(o);
  await waitForCleanup(env);
  removeTree(o.outDir);
  removeTree(buildDirs(env, ROOT).cacheDir);
  const built = await timedBuild(o, env, 'cold', `no cache${rounds > 1 ? `, round ${round + 1} of ${rounds}` : ''}`, `build-cold-${round + 1}.log`);
  // A cold build that reused anything measured a warm one: the run would compare warm with warm.
  if (built.skipped || built.pagesReused > 0 || built.sectionsUnchanged > 0) {
    throw new Error(`bench: the cold build of round ${round + 1} reused ${built.pagesReused} pages and ${built.sectionsUnchanged} sections; its cache was not removed (see build-cold-${round + 1}.log)`);
  }
  return built;
}

/**
 * The warm steps of round `round` (from 0) of `rounds`, each once after its edit (the round's
 * own: bench/edits.ts), on the cache the build before left; each with its ratio to `coldSeconds`,
 * the cold build of the same round.
 */
export async function warmBuilds(o: IncrementalOptions, coldSeconds: number, only?: readonly string[], round = 0, rounds = 1): Promise<BuildRun[]> {
  const env = buildEnv(o);
  const warm: BuildRun[] = [];
  const unknown = only?.filter((name) => !WARM_STEPS.some((s) => s.step === name)) ?? [];
  if (unknown.length) throw new Error(`bench: no warm step ${unknown.join(', ')}; the steps are ${WARM_STEPS.map((s) => s.step).join(', ')}`);
  for (const { step, edit, env: extra } of WARM_STEPS.filter((s) => !only || only.includes(s.step))) {
    const change = edit(o, round);
    const built = await timedBuild(o, { ...env, ...extra }, step, rounds > 1 ? `${change} (round ${round + 1} of ${rounds})` : change, `build-${step}-${round + 1}.log`);
    warm.push({ ...built, secondsAll: [built.seconds], ratioToCold: Number((built.seconds / coldSeconds).toFixed(3)) });
  }
  return warm;
}

/** One round: a cold build and the warm builds after it. */
export interface Round {
  cold: TimedBuild;
  warm: BuildRun[];
}

/**
 * The rounds as one result: the cold build of median time, and per warm step the round of median
 * ratio to its own round's cold build (the lower middle one of an even count), each with every
 * round's seconds. A ratio is taken within its round, so a machine that slows down or speeds up
 * over a run moves both builds of a ratio alike.
 */
export function combineRounds(rounds: readonly Round[]): { cold: BuildRun; warm: BuildRun[] } {
  const colds = rounds.map((r) => r.cold);
  const cold = { ...medianBy(colds, (b) => b.seconds, 'cold build'), secondsAll: colds.map((b) => b.seconds) };
  const steps = rounds[0]?.warm.map((b) => b.step) ?? [];
  const warm = steps.map((step) => {
    const runs = rounds.map((r) => r.warm.find((b) => b.step === step)).filter((b): b is BuildRun => b !== undefined);
    const median = medianBy(runs, (b) => b.ratioToCold, `${step} build`);
    return { ...median, secondsAll: runs.map((b) => b.seconds), ratiosAll: runs.map((b) => b.ratioToCold) };
  });
  return { cold: { ...cold, ratioToCold: 1 }, warm };
}
