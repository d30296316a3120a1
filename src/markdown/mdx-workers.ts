/**
 * Compiles MDX on every core during `astro build`.
 *
 * Astro runs the MDX compile (micromark, our remark plugins, rehype, the JS output) on the main
 * thread, one section after another, while a second core mostly waits: at 1,000 sections that is
 * ~3.5 s of a ~9 s bundle step. {@link compileInWorkers} wraps the `unified()` processor so that
 * its MDX renderer hands each file to a pool of worker threads (`mdx-worker.ts`), which build the
 * same processor from the same options (`processor-options.ts`). Rolldown asks for many modules at
 * once, so the workers stay busy; the code they return is the code the main thread would have made.
 *
 * Workers are used only when {@link mdxWorkers}' integration says the command is `build` (dev and
 * `astro check` compile in-process, as before), and never when the pool size is 1 or less
 * (`SITE_MDX_WORKERS=0` turns them off). The pool closes when Vite's build ends.
 */
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import type { unified } from '@astrojs/markdown-remark';
import { fromPlainError, type PlainError } from '../lib/thread-errors.ts';
import { keepRecord, type Recorded } from './record-analysis.ts';

type Processor = ReturnType<typeof unified>;
type CreateMdxRenderer = NonNullable<Processor['createMdxRenderer']>;
type SharedOptions = Parameters<CreateMdxRenderer>[0];
type MdxContext = Parameters<CreateMdxRenderer>[1];
type MdxRenderer = Awaited<ReturnType<CreateMdxRenderer>>;
type MdxResult = Awaited<ReturnType<MdxRenderer['process']>>;

/** What a worker is started with: the renderer's options as plain data (`srcDir` as a URL string). */
export interface WorkerSetup {
  shared: SharedOptions;
  mdx: Omit<MdxContext, 'srcDir'> & { srcDir?: string | undefined };
}

export interface CompileRequest {
  id: number;
  content: string;
  filePath: string;
  frontmatter: Record<string, unknown>;
}

export type CompileReply = { id: number; result: MdxResult; record?: Recorded | undefined } | { id: number; error: PlainError };

/** Worker threads to use; 0 until the integration sees a build. */
let poolSize = 0;
const openPools = new Set<Pool>();

/**
 * How many workers a build uses: `$SITE_MDX_WORKERS` when set (0 or 1: compile in the main
 * thread), else one per core the machine offers.
 */
export function mdxWorkerCount(env: NodeJS.ProcessEnv = process.env): number {
  const fromEnv = env.SITE_MDX_WORKERS?.trim();
  if (fromEnv) {
    const n = Number(fromEnv);
    if (!Number.isInteger(n) || n < 0) throw new Error(`SITE_MDX_WORKERS must be a whole number (0 turns MDX workers off), not "${fromEnv}".`);
    return n;
  }
  return os.availableParallelism();
}

/** The integration that turns the workers on for `astro build` and closes them when bundling ends. */
export function mdxWorkers(): AstroIntegration {
  return {
    name: 'mdx-workers',
    hooks: {
      'astro:config:setup': ({ command, updateConfig, logger }) => {
        poolSize = command === 'build' ? mdxWorkerCount() : 0;
        if (poolSize > 0) logger.info(`compiling MDX in ${poolSize} worker threads`);
        updateConfig({ vite: { plugins: [{ name: 'mdx-workers:close', buildEnd: closePools }] } });
      },
    },
  };
}

/** `processor` with an MDX renderer that compiles in worker threads when the build allows it. */
export function compileInWorkers(processor: Processor): Processor {
  const createMdxRenderer = processor.createMdxRenderer;
  if (!createMdxRenderer) throw new Error('compileInWorkers needs a processor that renders MDX (unified() from @astrojs/markdown-remark).');
  return {
    ...processor,
    async createMdxRenderer(shared, mdx) {
      if (poolSize < 1) return createMdxRenderer(shared, mdx);
      const pool = new Pool(poolSize, { shared, mdx: { ...mdx, srcDir: mdx.srcDir?.href } });
      openPools.add(pool);
      return { process: (content, filePath, frontmatter) => pool.compile({ content, filePath, frontmatter }) };
    },
  };
}

async function closePools(): Promise<void> {
  const pools = [...openPools];
  openPools.clear();
  await Promise.all(pools.map((pool) => pool.close()));
}

interface Waiting {
  request: CompileRequest;
  resolve: (result: MdxResult) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  /** Requests sent to this worker and not answered yet, by id. */
  inFlight: Map<number, Waiting>;
}

const WORKER_FILE = fileURLToPath(new URL('./mdx-worker.ts', import.meta.url));

/**
 * A worker's heap limit: it keeps only the processor between files (~30 MB), so this is ample,
 * and a worker that somehow kept more fails the build loudly instead of swelling its memory.
 */
const WORKER_HEAP_MB = 512;

/**
 * Worker threads that compile one file per request. Each request goes at once to the worker with
 * the fewest unanswered ones; a worker compiles its requests one after another (mdx-worker.ts), so
 * it never waits for this busy thread to send the next, and holds one file's trees at a time.
 */
class Pool {
  readonly #slots: Slot[] = [];
  readonly #queue: Waiting[] = [];
  readonly #setup: WorkerSetup;
  readonly #size: number;
  #nextId = 0;
  #broken: Error | undefined;

  constructor(size: number, setup: WorkerSetup) {
    this.#size = size;
    this.#setup = setup;
  }

  compile(request: Omit<CompileRequest, 'id'>): Promise<MdxResult> {
    if (this.#broken) return Promise.reject(this.#broken);
    return new Promise((resolve, reject) => {
      this.#queue.push({ request: { id: this.#nextId++, ...request }, resolve, reject });
      this.#dispatch();
    });
  }

  async close(): Promise<void> {
    const slots = this.#slots.splice(0);
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  /** Sends each queued request to the least busy worker, starting workers up to the pool's size. */
  #dispatch(): void {
    for (let next = this.#queue.shift(); next; next = this.#queue.shift()) {
      const slot = this.#slots.length < this.#size ? this.#start() : this.#slots.reduce((a, b) => (b.inFlight.size < a.inFlight.size ? b : a));
      slot.inFlight.set(next.request.id, next);
      slot.worker.postMessage(next.request);
    }
  }

  /** A worker died: the build cannot trust the pool any more, so every request fails with the cause. */
  #fail(error: Error): void {
    this.#broken = error;
    const waiting = [...this.#slots.flatMap((slot) => [...slot.inFlight.values()]), ...this.#queue.splice(0)];
    for (const slot of this.#slots) slot.inFlight.clear();
    for (const w of waiting) w.reject(error);
  }

  #start(): Slot {
    const worker = new Worker(WORKER_FILE, { workerData: this.#setup, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    // A pool left open must never keep the build's process alive.
    worker.unref();
    const slot: Slot = { worker, inFlight: new Map() };
    worker.on('message', (reply: CompileReply) => {
      const waiting = slot.inFlight.get(reply.id);
      if (!waiting) return;
      slot.inFlight.delete(reply.id);
      if ('error' in reply) waiting.reject(fromPlainError(reply.error));
      else {
        if (reply.record) keepRecord(waiting.request.filePath, reply.record);
        waiting.resolve(reply.result);
      }
    });
    worker.on('error', (error: Error) => this.#fail(error));
    worker.on('exit', (code) => {
      if (slot.inFlight.size > 0) this.#fail(new Error(`An MDX worker thread stopped (exit code ${code}) while compiling ${[...slot.inFlight.values()].map((w) => w.request.filePath).join(', ')}; SITE_MDX_WORKERS=0 compiles in the main thread instead.`));
    });
    this.#slots.push(slot);
    return slot;
  }
}
