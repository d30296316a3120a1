/**
 * A shard's Pagefind index made while the pages render, so that an edit does not wait for it
 * after the last page.
 *
 * Pagefind has no incremental mode: one changed page means indexing its whole shard again (about
 * 1,250 pages, 6 s after the last page at 5,000 sections), and the pages an incremental build
 * reuses only reach the site pass at the end. But as soon as a rendered page's Pagefind input
 * differs from the last build's, its shard is known to need indexing again; and the pages of that
 * shard that will be reused are, most likely, the ones in the last build's output folder. So the
 * shard is indexed at once, in its own Pagefind index, from each page's input as far as it is
 * known: the rendered page's own, else the last build's page (only when its bytes are those the
 * page cache holds for it; any doubt and nothing is started). A page that renders later with
 * another input starts it again, once; after that the shard, and any shard not yet started, waits
 * for the end as before.
 *
 * Nothing is taken on trust: at the end the feed hashes the shard's real input as always
 * (pagefind-feed.ts), and the speculative output is used only when that hash is the one it was
 * made from, which means the same pages with the same inputs in the same order, so Pagefind's
 * files are the ones a fresh index would write. Otherwise it is thrown away and the shard is
 * restored or indexed as before.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { PagefindIndex } from 'pagefind';
import { moveFolder, removeTree } from '../lib/atomic-file.ts';
import type { PagePath } from '../lib/urls.ts';
import { feedInputHash, hashFedPage, startPagefindIndex, writeIndexFiles, type PagefindInput } from './pagefind-feed.ts';

/** What the folders of the attempts are called, in the folder given for them. */
const ATTEMPT_PREFIX = 'speculation-';

/** The folder attempt `n` of shard `shard` writes to, under `root`. */
export const attemptDir = (root: string, shard: number, n: number): string => path.join(root, `${ATTEMPT_PREFIX}${process.pid}-${shard}-${n}`);

/** Removes the attempts' folders a stopped build left under `root` (a finished one removes its own). */
export function removeLeftAttempts(root: string): void {
  for (const name of fs.existsSync(root) ? fs.readdirSync(root) : []) {
    if (name.startsWith(ATTEMPT_PREFIX)) fs.rmSync(path.join(root, name), { recursive: true, force: true });
  }
}

/** A page's input as far as it is known: null when Pagefind does not index it, 'unknown' when it cannot be told. */
export type LikelyInput = PagefindInput | null | 'unknown';

/**
 * At most this many starts per shard and build: a second changed page of the shard is a title
 * shown by its neighbours; more, and most pages are changing (new code): then indexing at the end
 * costs less than indexing again and again.
 */
const MAX_STARTS = 2;

interface Attempt {
  /** The key each page was indexed with (null: not indexed). */
  keys: Map<PagePath, string | null>;
  input: string;
  index: Promise<PagefindIndex>;
  /** Resolves to the folder it wrote, or undefined when it failed or was stopped; settles only once it asks nothing more of Pagefind. */
  written: Promise<string | undefined>;
  dir: string;
  /** Dropped (a page came with another input) or stopped (the pass is done with Pagefind): it sends Pagefind nothing more. */
  stopped: boolean;
}

export class ShardSpeculation {
  readonly #order: readonly PagePath[];
  readonly #inputOf: (page: PagePath) => LikelyInput;
  readonly #dirOf: (attempt: number) => string;
  #attempt: Attempt | undefined;
  #starts = 0;
  #dead = false;
  readonly #dirs: string[] = [];
  /** Every attempt's work, and the freeing of dropped ones' indexes, to wait for before the files go. */
  readonly #chains: Promise<unknown>[] = [];
  #stopped = false;

  /**
   * @param order the shard's pages, in the order its feed adds them
   * @param inputOf each page's likely input at the time of asking
   * @param dirOf where attempt n writes its files (outside the output folder, on its disk)
   */
  constructor(order: readonly PagePath[], inputOf: (page: PagePath) => LikelyInput, dirOf: (attempt: number) => string) {
    this.#order = order;
    this.#inputOf = inputOf;
    this.#dirOf = dirOf;
    this.#start();
  }

  /** Whether an attempt is running or done (not given up). */
  get alive(): boolean {
    return !this.#dead;
  }

  /** A page of the shard rendered with `input`: if the attempt used another, it starts again. */
  arrived(page: PagePath, input: PagefindInput | null): void {
    const attempt = this.#attempt;
    if (this.#dead || !attempt) return;
    if (attempt.keys.get(page) === (input?.key ?? null)) return;
    this.#drop(attempt);
    this.#start();
  }

  /**
   * If the shard's real input hashes as `input` and the attempt made from that input wrote its
   * files, moves them to `dir` (replacing it); whether it did.
   */
  async adopt(input: string, dir: string): Promise<boolean> {
    const attempt = this.#attempt;
    if (this.#dead || !attempt || attempt.input !== input) return false;
    const written = await attempt.written;
    if (!written) return false;
    fs.rmSync(dir, { recursive: true, force: true });
    moveFolder(written, dir);
    return true;
  }

  /**
   * Stops the attempt: from now on it sends Pagefind nothing (call before Pagefind's process is
   * closed, so that no late step starts a new one: Pagefind's API launches its process again on
   * any call after `close()`).
   */
  stop(): void {
    this.#stopped = true;
    if (this.#attempt) this.#attempt.stopped = true;
  }

  /** Settles once every attempt has stopped working: nothing of it left pending in this thread (its files, if any, go at cleanUp). */
  async settled(): Promise<void> {
    await Promise.allSettled(this.#chains);
  }

  /** Removes whatever the attempts left (call once Pagefind's process is closed and {@link settled}). */
  cleanUp(): void {
    // removeTree: Pagefind's killed process may still be writing into a stopped attempt's folder.
    for (const dir of this.#dirs) removeTree(dir);
  }

  #start(): void {
    if (this.#starts >= MAX_STARTS) {
      this.#dead = true;
      return;
    }
    const inputs: [PagePath, PagefindInput | null][] = [];
    for (const page of this.#order) {
      const input = this.#inputOf(page);
      if (input === 'unknown') {
        this.#dead = true;
        return;
      }
      inputs.push([page, input]);
    }
    const dir = this.#dirOf(this.#starts++);
    this.#dirs.push(dir);
    fs.rmSync(dir, { recursive: true, force: true });
    const hash = feedInputHash();
    const keys = new Map<PagePath, string | null>();
    for (const [page, input] of inputs) {
      keys.set(page, input?.key ?? null);
      if (input) hashFedPage(hash, page, input.key);
    }
    const index = startPagefindIndex();
    const added = inputs.flatMap(([page, input]) => (input ? [{ page, content: input.html() }] : []));
    const attempt: Attempt = { keys, input: hash.digest('hex'), index, written: Promise.resolve(undefined), dir, stopped: false };
    // Each step asks Pagefind something only while the attempt runs, checked in the same turn as the call.
    attempt.written = index
      .then(async (idx) => {
        if (attempt.stopped) return undefined;
        await Promise.all(added.map(({ page, content }) => idx.addHTMLFile({ sourcePath: page, content }).then((r) => {
          if (r.errors.length) throw new Error(r.errors.join('; '));
        })));
        if (attempt.stopped) return undefined;
        await writeIndexFiles(idx, dir);
        return dir;
      })
      .catch(() => undefined);
    this.#chains.push(attempt.written);
    this.#attempt = attempt;
  }

  #drop(attempt: Attempt): void {
    attempt.stopped = true;
    // Pagefind frees the index once it has done what was asked of it; its files, if any, go at cleanUp.
    this.#chains.push(attempt.index.then((idx) => (this.#stopped ? undefined : idx.deleteIndex())).catch(() => undefined));
    this.#attempt = undefined;
  }
}
