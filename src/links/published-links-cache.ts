/**
 * The files other documents link by (`links.json`, `links.schema.json`, `objects.inv`), kept
 * between builds in the site pass's cache folder under a hash of everything they are made from:
 * the list of link targets, the site's name and the code that writes them. A build whose targets
 * are the last build's (a sentence edited, a repair note changed: no heading, paragraph id, title
 * or alias moved) writes the kept bytes instead of formatting 44,000 targets and compressing the
 * inventory again (0.7 s at 5,000 sections). The bytes are a function of the key alone, so they
 * are kept whether or not the build's checks then pass; a missing, unreadable or foreign file is
 * a miss, never an error.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { writeFileAtomic } from '../lib/atomic-file.ts';
import { codeDigest } from '../lib/code-digest.ts';
import type { PagePath } from '../lib/urls.ts';
import type { LinkTarget } from '../schemas/links.ts';

interface Kept {
  key: string;
  files: [PagePath, Uint8Array][];
}

/** Where the files are kept in a build's cache folder. */
export const publishedLinksFile = (cacheDir: string): string => path.join(cacheDir, 'site-pass', 'published-links.v8');

let codeVersion: string | undefined;

/** The key of the files made from `targets` for a site named `siteName`. */
export function publishedLinksKey(targets: readonly LinkTarget[], siteName: string): string {
  codeVersion ??= codeDigest('published links', ['links', 'schemas', 'lib/urls.ts', 'lib/site.ts', '../package-lock.json']);
  return crypto.createHash('sha256').update(codeVersion).update(`\0${siteName}\0`).update(JSON.stringify(targets)).digest('hex');
}

/** The kept files for `key`, or none. */
export function loadPublishedLinks(file: string, key: string): Kept['files'] | undefined {
  try {
    const data = v8.deserialize(fs.readFileSync(file)) as Partial<Kept> | null;
    if (data && data.key === key && Array.isArray(data.files)) return data.files;
  } catch {
    // Missing or unreadable: a miss.
  }
  return undefined;
}

/** Keeps the files `written` (paths from the site root, read back from `dir`) under `key`. */
export function savePublishedLinks(file: string, key: string, dir: string, written: readonly PagePath[]): void {
  const files = written.map((f): [PagePath, Uint8Array] => [f, fs.readFileSync(path.join(dir, f))]);
  writeFileAtomic(file, v8.serialize({ key, files } satisfies Kept));
}
