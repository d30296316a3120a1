/**
 * The site pass: everything the build makes from its own pages (Pagefind's index, the fallback
 * search index, links.json, the link and lock checks), done in a worker thread while the pages
 * render, so it takes the second core instead of time after the build.
 *
 * - `astro:build:start`: the `built-site` integration makes a {@link SitePass}, which starts the
 *   worker (src/site-pass/worker.ts), which starts Pagefind's process;
 * - Astro's prerenderer, wrapped (prerenderer.ts), tells the pass the order of the static paths and
 *   gives each rendered page's HTML to {@link SitePass.page}; the worker parses it once
 *   (read-page.ts) and hands section pages on to Pagefind, in that order;
 * - `astro:build:done`: {@link SitePass.finish} sends the list of files written; the worker reads
 *   any page it has not seen from disk, writes the indexes and links.json, and runs the checks.
 *
 * With a cache folder, the worker keeps each page's result (page-cache.ts) and Pagefind's output
 * (src/search/pagefind-output-cache.ts) for the next build: a page with the same bytes is not
 * parsed again, and the same Pagefind input is not indexed again.
 */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { fromPlainError } from '../lib/thread-errors.ts';
import type { PagePath } from '../lib/urls.ts';
import type { FromWorker, SitePassResult, SitePassSetup, ToWorker } from './messages.ts';

const WORKER_FILE = fileURLToPath(new URL('./worker.ts', import.meta.url));
/** How long the worker has to end on its own after its answer before it is terminated. */
const EXIT_GRACE_MS = 10_000;

export class SitePass {
  readonly #worker: Worker;
  #ordered = false;
  #failure: Error | undefined;
  #done: Promise<SitePassResult>;
  readonly #exited: Promise<number>;
  #ended: 'exited' | 'terminated' | undefined;

  /**
   * @param outDir where the build writes, so Pagefind can write its index as soon as the last section page is in
   * @param cacheDir the build's cache folder, to keep results between builds in; none: keep nothing
   * @param pagefindPagesPerShard about how many pages go to one Pagefind shard (src/search/pagefind-shards.ts)
   * @param previousOutDir the output folder this build replaces, read only (src/search/pagefind-speculation.ts)
   */
  constructor(outDir: string, cacheDir?: string, pagefindPagesPerShard?: number, previousOutDir?: string) {
    this.#worker = new Worker(WORKER_FILE, { workerData: { outDir, cacheDir, pagefindPagesPerShard, previousOutDir } satisfies SitePassSetup });
    // Keeps the process alive only once finish() waits for it: a failed build exits with its own error.
    this.#worker.unref();
    this.#done = new Promise((resolve, reject) => {
      this.#worker.on('message', (message: FromWorker) => {
        if (message.kind === 'done') resolve(message.result);
        else reject(fromPlainError(message.error));
      });
      this.#worker.on('error', (error: Error) => {
        this.#failure = error;
        reject(error);
      });
      this.#worker.on('exit', (code) => reject(new Error(`The site-pass worker stopped (exit code ${code}) before it finished.`)));
    });
    this.#done.catch(() => undefined);
    this.#exited = new Promise((resolve) => this.#worker.once('exit', resolve));
  }

  /**
   * How the worker ended: 'exited' on its own once it had sent its answer (every handle closed),
   * 'terminated' when it had not {@link EXIT_GRACE_MS} later; undefined while it runs.
   */
  get ended(): 'exited' | 'terminated' | undefined {
    return this.#ended;
  }

  /**
   * Every page, in the order of the static paths, which Pagefind adds them in, and the `cacheKey`
   * of each page that has one (told once).
   */
  order(pages: PagePath[], keys: [PagePath, string][] = []): void {
    if (this.#ordered) return;
    this.#ordered = true;
    this.#post({ kind: 'order', pages, keys });
  }

  /** A page the build rendered (its UTF-8 bytes, copied), as it will be written at `page` (its path from the site root). */
  page(page: PagePath, bytes: Uint8Array): void {
    const copy = bytes.slice();
    this.#worker.postMessage({ kind: 'page', page, bytes: copy } satisfies ToWorker, [copy.buffer]);
  }

  /**
   * Every file of the built site (paths from the root); resolves when indexes, links.json and
   * checks are done. `env` decides the content folder and `LINKS_LOCK_CHECK`, as for the build.
   */
  async finish(outDir: string, files: string[], env: NodeJS.ProcessEnv = process.env): Promise<SitePassResult> {
    if (this.#failure) throw this.#failure;
    // From here the worker holds the process open: Astro's build waits for this in a hook, and with
    // nothing else pending Node would exit (code 0, the site unfinished) while the worker works.
    this.#worker.ref();
    this.#post({ kind: 'finish', outDir, files, env: { ...env } });
    try {
      return await this.#done;
    } finally {
      await this.#end();
    }
  }

  /**
   * Waits for the worker to end on its own, which it does once it has answered (worker.ts lets go
   * of its port and Pagefind's process). Not `terminate()` first: stopping a thread that still has
   * native work pending (a child process's pipes, a file operation) can abort the whole process
   * with a fatal V8 error (nodejs/node#38418); a test run lost its worker process to SIGTRAP so.
   * Only a worker still alive after the grace time is terminated.
   */
  async #end(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), EXIT_GRACE_MS);
      timer.unref();
    });
    const ended = await Promise.race([this.#exited.then(() => 'exited' as const), late]);
    clearTimeout(timer);
    if (ended === 'late') await this.#worker.terminate();
    this.#ended = ended === 'late' ? 'terminated' : 'exited';
  }

  #post(message: ToWorker): void {
    this.#worker.postMessage(message);
  }
}
