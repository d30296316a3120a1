/**
 * The content check on the second core during `astro build`.
 *
 * The check parses and validates every content file (2 s at 5,000 sections), and then Astro's
 * content sync parses and validates them all again (3.6 s). Both ran one after the other on the
 * main thread. In a build the check now runs in a worker thread (`check-worker.ts`) while Astro
 * syncs, and the build waits for its verdict before bundling (`astro:build:start`). If a file is
 * bad, Astro's own loader may fail first: the collections' loaders are wrapped
 * ({@link reportingLoader}) so that a loader failure waits for the check and throws its full
 * report (every problem, by file and field) instead of Astro's first error.
 */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Loader } from 'astro/loaders';
import { formatProblems, type Problem } from './problems.ts';

/** What the worker reports: the problems, and what a valid folder holds (for the log). */
export interface CheckOutcome {
  problems: Problem[];
  counts: { sections: number; entities: number; sources: number };
  ms: number;
}

/** Thrown when content is invalid; its message lists every problem, so the build stops with all of them. */
export class ContentError extends Error {
  override name = 'ContentError';
}

const CHECK = Symbol.for('russia-us-reference.content-check');
type Holder = typeof globalThis & { [CHECK]?: { dir: string; outcome: Promise<CheckOutcome> } | undefined };

const WORKER_FILE = fileURLToPath(new URL('./check-worker.ts', import.meta.url));

/** Starts checking `dir` in a worker thread; {@link checkOutcome} gives the result. */
export function startContentCheck(dir: string): void {
  const outcome = new Promise<CheckOutcome>((resolve, reject) => {
    const worker = new Worker(WORKER_FILE, { workerData: { dir } });
    worker.once('message', (message: CheckOutcome) => resolve(message));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`The content check's worker thread stopped (exit code ${code}) without a verdict.`)));
  });
  outcome.catch(() => undefined);
  (globalThis as Holder)[CHECK] = { dir, outcome };
}

/** The started check's outcome, if a build started one. */
export function checkOutcome(): { dir: string; outcome: Promise<CheckOutcome> } | undefined {
  return (globalThis as Holder)[CHECK];
}

/** The error a build fails with when the content of `dir` has problems. */
export function contentError(dir: string, problems: readonly Problem[]): ContentError {
  return new ContentError(`Content in ${dir} is not valid.\n\n${formatProblems([...problems])}\n`);
}

/**
 * `loader`, except that when it fails during a build whose content check found problems, the
 * check's full report is thrown instead of the loader's first error.
 */
export function reportingLoader(loader: Loader): Loader {
  return {
    ...loader,
    load: async (context) => {
      try {
        await loader.load(context);
      } catch (error) {
        const check = checkOutcome();
        const outcome = await check?.outcome.catch(() => undefined);
        if (check && outcome?.problems.length) throw contentError(check.dir, outcome.problems);
        throw error;
      }
    },
  };
}
