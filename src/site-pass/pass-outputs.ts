/**
 * The outputs of the site pass's last check, kept between builds: `links.json`, its schema,
 * `objects.inv`, `search-index.js`, and what the link and lock checks reported. A build whose
 * pages, files and check inputs are exactly the last successful pass's (a warm build with nothing
 * changed, or an edit that changes no page) restores those files instead of gathering every
 * target, checking every link and writing the indexes again (1.2 s at 5,000 sections).
 *
 * The key covers everything {@link checkBuiltSite} and the fallback index read: every page's path
 * and the hash of its bytes (page-cache.ts), every file's path (a link may point at any), the
 * content folder's site settings and link lock, `LINKS_LOCK_CHECK`, and the code that reads pages
 * and writes the outputs (every module under src/ that the site pass loads, and the lock file).
 * Kept only after a pass with no failure, written whole (temp file + rename); a missing,
 * unreadable or foreign file is a miss, never an error.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { writeFileAtomic } from '../lib/atomic-file.ts';
import { codeDigest } from '../lib/code-digest.ts';
import { contentDir } from '../lib/content-dir.ts';
import { linksJsonPath, linksSchemaPath, objectsInvPath, searchIndexPath, type PagePath } from '../lib/urls.ts';
import type { BuiltSiteCheck } from '../links/check-built-site.ts';
import { hashSiteFiles } from '../links/link-world.ts';
import { lockFile } from '../links/lock.ts';
import { SITE_FILE } from '../content/site-settings.ts';

/** What a pass restores: the files it wrote, and what it reported. */
export interface PassOutputs {
  key: string;
  files: [PagePath, Uint8Array][];
  check: BuiltSiteCheck;
  fallback: { pages: number; bytes: number };
}

/** The files the check and the fallback index write, from the site root. */
export const passOutputFiles = (): PagePath[] => [linksJsonPath(), linksSchemaPath(), objectsInvPath(), searchIndexPath()];

/** Where the outputs are kept in a build's cache folder. */
export const passOutputsFile = (cacheDir: string): string => path.join(cacheDir, 'site-pass', 'outputs.v8');

/** Folders of src/ whose modules the site pass runs (directly or through the checks), and the lock file. */
const PASS_CODE = ['site-pass', 'links', 'search', 'lib', 'schemas', 'content', '../package-lock.json'];
let codeVersion: string | undefined;

const fileOrMissing = (file: string): Buffer | string => (fs.existsSync(file) ? fs.readFileSync(file) : '(missing)');

/**
 * The key of a pass over `pages` (each page's path and the hash of its bytes, in the order given),
 * with `files` (every file of the built site) and `env` (which decides the content folder and
 * `LINKS_LOCK_CHECK`).
 */
export function passOutputsKey(pages: readonly (readonly [PagePath, string])[], files: readonly string[], env: NodeJS.ProcessEnv): string {
  const content = contentDir(env);
  const hash = crypto.createHash('sha256')
    .update(codeVersion ??= codeDigest('site-pass outputs', PASS_CODE))
    .update(`\0lock-check ${env.LINKS_LOCK_CHECK === 'off' ? 'off' : 'on'}\0${content}\0`)
    .update(fileOrMissing(path.join(content, SITE_FILE)))
    .update('\0lock\0')
    .update(fileOrMissing(lockFile(content)))
    .update('\0files\0');
  hashSiteFiles(hash, files);
  hash.update('\0pages\0');
  for (const [page, pageHash] of pages) hash.update(`${page}\0${pageHash}\n`);
  return hash.digest('hex');
}

/** The kept outputs for `key`, or none (missing, unreadable, or kept for other inputs). */
export function loadPassOutputs(file: string, key: string): PassOutputs | undefined {
  try {
    const data = v8.deserialize(fs.readFileSync(file)) as Partial<PassOutputs> | null;
    if (data && data.key === key && Array.isArray(data.files) && data.check && data.fallback) return data as PassOutputs;
  } catch {
    // Missing or unreadable: a miss.
  }
  return undefined;
}

/** Writes the kept files into `outDir`, as the pass that kept them wrote them. */
export function restorePassOutputs(outDir: string, outputs: PassOutputs): void {
  for (const [file, bytes] of outputs.files) fs.writeFileSync(path.join(outDir, file), bytes);
}

/** Keeps this pass's outputs (read back from `outDir`) under `key`, replacing what was kept. */
export function savePassOutputs(file: string, outDir: string, key: string, check: BuiltSiteCheck, fallback: PassOutputs['fallback']): void {
  const files = passOutputFiles().map((f): [PagePath, Uint8Array] => [f, fs.readFileSync(path.join(outDir, f))]);
  writeFileAtomic(file, v8.serialize({ key, files, check, fallback } satisfies PassOutputs));
}
