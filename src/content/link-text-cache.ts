/**
 * The texts the entity linker searched in each section (render-section.ts `linkSegments`), kept
 * by the sections loader between builds in a file of the build's own cache folder, outside the
 * content store.
 *
 * The loader needs them only to decide whether a kept section must be rendered again (do the
 * current entities match those texts as before?); pages never read them. In the content store
 * they would be a second copy of every section's text that Astro bundles into the build and loads
 * into every page render (a quarter of the store at 1,000 sections). Here they are keyed by the
 * section's text digest, so a missing, stale or foreign file only means the section is rendered
 * again: never a wrong page.
 */
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../lib/atomic-file.ts';

const FILE = 'sections-link-text.json';
const VERSION = 1;

export interface LinkTextCache {
  /** The searched texts of a section rendered from `textDigest`, if this cache has them. */
  get(textDigest: string): string[] | undefined;
  /** Records the searched texts of a section just rendered from `textDigest`. */
  set(textDigest: string, segments: string[]): void;
  /** Writes the texts of `keep` (the digests of the folder's sections now) if anything changed. */
  save(keep: ReadonlySet<string>): void;
}

/** The cache in `cacheDir` (read now; a file that cannot be read counts as empty). */
export function openLinkTextCache(cacheDir: string): LinkTextCache {
  const file = path.join(cacheDir, FILE);
  const entries = read(file);
  let changed = false;
  return {
    get: (digest) => entries.get(digest),
    set(digest, segments) {
      entries.set(digest, segments);
      changed = true;
    },
    save(keep) {
      for (const digest of entries.keys()) {
        if (keep.has(digest)) continue;
        entries.delete(digest);
        changed = true;
      }
      if (!changed) return;
      writeFileAtomic(file, JSON.stringify({ version: VERSION, entries: [...entries] }));
      changed = false;
    },
  };
}

function read(file: string): Map<string, string[]> {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { version?: unknown; entries?: unknown };
    if (parsed.version !== VERSION || !Array.isArray(parsed.entries)) return new Map();
    const valid = parsed.entries.filter((e): e is [string, string[]] =>
      Array.isArray(e) && typeof e[0] === 'string' && Array.isArray(e[1]) && e[1].every((s: unknown) => typeof s === 'string'));
    return new Map(valid);
  } catch {
    return new Map();
  }
}
