/**
 * Our build of one benchmark content folder, cold and then warm: the cold build starts with no
 * cache and no output; each warm build after it uses the same content and output folders, so it
 * reuses the cache the build before left (src/lib/build-dirs.ts), after one edit (bench/edits.ts):
 *
 * 1. nothing changed, Astro run anyway (`SITE_REBUILD=1`: Astro's incremental build on its own);
 * 2. nothing changed, `npm run build` as an editor runs it (it finds nothing changed and skips);
 * 3. one section's text changed; 4. one section added; 5. one entity renamed.
 *
 * With `warmRuns` above 1 each step is timed that many times, each after a new edit of its kind
 * (bench/edits.ts), and its median build is the one reported, with every run's seconds: one
 * build of a few seconds on a shared machine varies by a second or more from run to run.
 *
 * The cold builds and the warm ones are two calls, so that other builds of the same content (the
 * floor, Starlight) can run between them, before any edit. Edits accumulate, as an editor's would. Every build is timed and its own log read for the pages
 * it rendered and reused (bench/build-log.ts). A warm build starts once the build before it has
 * removed the output folder it replaced (in the background, after saying it is done): timed back
 * to back, that removal of thousands of files would land in the next build's time, which an
 * editor making one edit between builds never sees; the wait is recorded with each build.
 */
import fs from 'node:fs';
import path from 'node:path';
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
  /** Every timed run of this step, in seconds, in the order run (this build is their median). */
  secondsAll: number[];
}

export interface IncrementalOptions {
  contentDir: string;
  outDir: string;
  /** Folder for the build logs. */
  logDir: string;
  /** Cold builds to time (the median is kept); the warm ones follow the last. */
  coldRuns: number;
  /** Times each warm step is run, each after its own edit (the median is kept); 1 when absent. */
  warmRuns?: number;
  /** Seconds since 1970 of the citation date every build of the run shows (src/lib/build-date.ts). */
  sourceDateEpoch: number;
  /** The entity the last step renames. */
  renameEntityId: string;
  progress: (message: string) => void;
  loadAverage: () => number;
}

/** The warm steps in order; `edit` makes the change before the build (repeat `run` of the step, from 0). */
const WARM_STEPS: readonly { step: string; edit: (o: IncrementalOptions, run: number) => string; env?: NodeJS.ProcessEnv }[] = [
  { step: 'unchanged', edit: () => 'nothing; Astro run anyway (SITE_REBUILD=1)', env: { SITE_REBUILD: '1' } },
  { step: 'unchanged-skipped', edit: () => 'nothing; npm run build as it is' },
  { step: 'text-edit', edit: (o, run) => editSectionText(o.contentDir, run) },
  { step: 'section-added', edit: (o, run) => addSection(o.contentDir, run) },
  { step: 'entity-renamed', edit: (o) => renameEntity(o.contentDir, o.renameEntityId) },
];

type TimedBuild = Omit<BuildRun, 'ratioToCold' | 'secondsAll'>;

/** The median run by wall time (the lower middle one of an even count), with every run's seconds. */
export function medianRun<T extends { seconds: number }>(runs: readonly T[]): T & { secondsAll: number[] } {
  const median = [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor((runs.length - 1) / 2)];
  if (!median) throw new Error('bench: no build ran (the number of runs must be at least 1)');
  return { ...median, secondsAll: runs.map((r) => r.seconds) };
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

/** Cold builds (`coldRuns` of them, each with no cache and no output); returns the median. */
export async function coldBuilds(o: IncrementalOptions): Promise<{ cold: BuildRun; coldSeconds: number[] }> {
  const env = buildEnv(o);
  const colds: TimedBuild[] = [];
  for (let run = 1; run <= o.coldRuns; run++) {
    fs.rmSync(o.outDir, { recursive: true, force: true });
    fs.rmSync(buildDirs(env, ROOT).cacheDir, { recursive: true, force: true });
    colds.push(await timedBuild(o, env, 'cold', `no cache, run ${run} of ${o.coldRuns}`, `build-cold-${run}.log`));
  }
  const cold = medianRun(colds);
  return { cold: { ...cold, ratioToCold: 1 }, coldSeconds: cold.secondsAll };
}

/**
 * The warm steps, each after its edit, on the cache the last build left; ratios to `coldSeconds`.
 * Each step runs `warmRuns` times in a row (each after a new edit) before the next step starts.
 */
export async function warmBuilds(o: IncrementalOptions, coldSeconds: number, only?: readonly string[]): Promise<BuildRun[]> {
  const env = buildEnv(o);
  const warm: BuildRun[] = [];
  const unknown = only?.filter((name) => !WARM_STEPS.some((s) => s.step === name)) ?? [];
  if (unknown.length) throw new Error(`bench: no warm step ${unknown.join(', ')}; the steps are ${WARM_STEPS.map((s) => s.step).join(', ')}`);
  const repeats = Math.max(1, Math.floor(o.warmRuns ?? 1));
  for (const { step, edit, env: extra } of WARM_STEPS.filter((s) => !only || only.includes(s.step))) {
    const runs: TimedBuild[] = [];
    for (let run = 0; run < repeats; run++) {
      const change = edit(o, run);
      runs.push(await timedBuild(o, { ...env, ...extra }, step, repeats > 1 ? `${change} (run ${run + 1} of ${repeats})` : change, repeats > 1 ? `build-${step}-${run + 1}.log` : `build-${step}.log`));
    }
    const built = medianRun(runs);
    warm.push({ ...built, ratioToCold: Number((built.seconds / coldSeconds).toFixed(3)) });
  }
  return warm;
}
