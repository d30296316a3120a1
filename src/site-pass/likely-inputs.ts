/**
 * Each page's Pagefind input as far as it is known while the pages render, for shards indexed
 * before the last page (src/search/pagefind-speculation.ts): a rendered page's own; else the last
 * build's page, read from the output folder this build replaces, when its bytes are the ones the
 * page cache holds (its input is then the cached one); else unknown. Each last-build page is read
 * once.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { PagePath } from '../lib/urls.ts';
import type { PagefindInput } from '../search/pagefind-feed.ts';
import { pagefindInput } from '../search/pagefind-input.ts';
import type { LikelyInput } from '../search/pagefind-speculation.ts';
import { pageHash, type PageCache } from './page-cache.ts';

const utf8 = new TextDecoder();

export class LikelyInputs {
  readonly #stored: PageCache;
  readonly #previousOutDir: string | undefined;
  /** Inputs of the pages rendered so far (with their bytes, until cleared). */
  readonly #given = new Map<PagePath, PagefindInput | null>();
  readonly #fromLastBuild = new Map<PagePath, LikelyInput>();

  /**
   * @param stored the page cache: each page's hash and result in the last successful build
   * @param previousOutDir that build's output folder, read only
   */
  constructor(stored: PageCache, previousOutDir: string | undefined) {
    this.#stored = stored;
    this.#previousOutDir = previousOutDir;
  }

  /** Whether `input` is not the page's input in the last build (a new page, or a changed search text). */
  changed(page: PagePath, input: PagefindInput | null): boolean {
    return input !== null && this.#stored.get(page)?.read.pagefindKey !== input.key;
  }

  /** A page rendered with `input`. */
  given(page: PagePath, input: PagefindInput | null): void {
    this.#given.set(page, input);
  }

  /** The page's likely input (see the module comment). */
  readonly of = (page: PagePath): LikelyInput => {
    const given = this.#given.get(page);
    if (given !== undefined) return given;
    let likely = this.#fromLastBuild.get(page);
    if (likely === undefined) {
      likely = this.#lastBuild(page);
      this.#fromLastBuild.set(page, likely);
    }
    return likely;
  };

  /** Lets go of every input held (and the bytes behind them). */
  clear(): void {
    this.#given.clear();
    this.#fromLastBuild.clear();
  }

  #lastBuild(page: PagePath): LikelyInput {
    const before = this.#stored.get(page);
    if (!before || !this.#previousOutDir) return 'unknown';
    if (before.read.pagefindKey === null || before.read.pagefind === null) return null;
    let bytes: Uint8Array;
    try {
      bytes = fs.readFileSync(path.join(this.#previousOutDir, page));
    } catch {
      return 'unknown';
    }
    if (pageHash(bytes) !== before.hash) return 'unknown';
    const content = pagefindInput(utf8.decode(bytes), before.read.pagefind);
    return { key: before.read.pagefindKey, html: () => content };
  }
}
