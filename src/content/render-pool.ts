/**
 * Renders many sections on every core: the sections loader's cold load renders each section of
 * the folder (5,009 at the benchmark's largest size: 25 s on one thread), so batches go to a pool
 * of worker threads (Piscina), with plain data in and out (render-worker.ts). A few sections, as
 * after an editor's edit, render on the loader's own thread: a worker's start costs more.
 */
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { EntityTerms } from '../markdown/entity-matcher.ts';
import type { SectionSource } from '../markdown/render-section.ts';
import type { RenderOutcome } from './render-outcome.ts';
import renderBatch from './render-worker.ts';

export type { RenderOutcome };

/** Fewer sections than this render on the calling thread. */
export const POOL_THRESHOLD = 64;
const BATCH = 32;
const WORKER = fileURLToPath(new URL('./render-worker.ts', import.meta.url));

/** Each source's render (or syntax error), in the order given, and how many threads rendered them. */
export async function renderSections(sources: readonly SectionSource[], terms: EntityTerms[], termsKey: string): Promise<{ outcomes: RenderOutcome[]; threads: number }> {
  const threads = Math.min(os.availableParallelism(), Math.ceil(sources.length / BATCH));
  // The worker's own function, called on this thread: one way to render, whichever thread runs it.
  if (sources.length < POOL_THRESHOLD || threads < 2) return { outcomes: renderBatch({ terms, termsKey, sources }), threads: 1 };
  const pool = new Piscina({ filename: WORKER, minThreads: threads, maxThreads: threads, idleTimeout: 1000 });
  try {
    const batches: SectionSource[][] = [];
    for (let i = 0; i < sources.length; i += BATCH) batches.push(sources.slice(i, i + BATCH));
    const done = await Promise.all(batches.map((batch) => pool.run({ terms, termsKey, sources: batch }) as Promise<RenderOutcome[]>));
    return { outcomes: done.flat(), threads };
  } finally {
    await pool.destroy();
  }
}
