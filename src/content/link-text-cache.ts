/**
 * The texts the entity linker searched in each section (render-section.ts `linkSegments`), kept
 * by the sections loader between builds in the build's own cache folder, outside the content
 * store.
 *
 * The loader needs them only to decide whether a kept section must be rendered again when the
 * entity terms changed (do the new entities match those texts as before?); pages never read
 * them. In the content store they would be a second copy of every section's text that Astro
 * bundles into the build and loads into every page render (a quarter of the store at 1,000
 * sections). Here they are keyed by the section's text digest, so a missing, stale or foreign
 * entry only means the section is rendered again: never a wrong page.
 *
 * They are kept in {@link PARTS} files by the digest's first hex digit, each read only when an
 * entry in it is asked for or set: a build whose entity terms did not change reads none (the whole
 * set is 23 MB at 5,000 sections), and one section's edit reads and writes one part.
 */
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../lib/atomic-file.ts';

const FOLDER = 'sections-link-text';
/** The single file the cache was before it came in parts; removed by the first save. */
const WHOLE_FILE = 'sections-link-text.json';
const VERSION = 1;
/** Parts by the first hex digit of the text digest. */
const PARTS = 16;

export interface LinkTextCache {
  /** The searched texts of a section rendered from `textDigest`, if this cache has them. */
  get(textDigest: string): string[] | undefined;
  /** Records the searched texts of a section just rendered from `textDigest`. */
  set(textDigest: string, segments: string[]): void;
  /**
   * Writes the parts that changed, each without the texts of digests not in `keep` (the digests
   * of the folder's sections now). Parts this load never read are left as they are: their texts
   * of gone sections go when the part is next written.
   */
  save(keep: ReadonlySet<string>): void;
}

interface Part {
  entries: Map<string, string[]>;
  changed: boolean;
}

/** The cache in `cacheDir` (each part read when first needed; one that cannot be read counts as empty). */
export function openLinkTextCache(cacheDir: string): LinkTextCache {
  const folder = path.join(cacheDir, FOLDER);
  const parts = new Map<number, Part>();
  const partOf = (digest: string): Part => {
    const index = partIndex(digest);
    let part = parts.get(index);
    if (!part) parts.set(index, (part = { entries: read(partFile(folder, index)), changed: false }));
    return part;
  };
  return {
    get: (digest) => partOf(digest).entries.get(digest),
    set(digest, segments) {
      const part = partOf(digest);
      part.entries.set(digest, segments);
      part.changed = true;
    },
    save(keep) {
      for (const [index, part] of parts) {
        for (const digest of part.entries.keys()) {
          if (keep.has(digest)) continue;
          part.entries.delete(digest);
          part.changed = true;
        }
        if (!part.changed) continue;
        writeFileAtomic(partFile(folder, index), JSON.stringify({ version: VERSION, entries: [...part.entries] }));
        part.changed = false;
      }
      fs.rmSync(path.join(cacheDir, WHOLE_FILE), { force: true });
    },
  };
}

/** The part a digest's texts are kept in: its first hex digit (anything else goes to part 0). */
function partIndex(digest: string): number {
  const digit = Number.parseInt(digest.charAt(0), 16);
  return Number.isNaN(digit) ? 0 : digit % PARTS;
}

const partFile = (folder: string, index: number): string => path.join(folder, `${index.toString(16)}.json`);

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
