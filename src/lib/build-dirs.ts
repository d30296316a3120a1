import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { contentDir } from './content-dir.ts';

/**
 * Where a build writes, and where its cache lives.
 *
 * - `SITE_STAGING_DIR` is set by `npm run build` (scripts/build.ts): the build writes into a fresh
 *   folder, which replaces the output folder only when every check passed.
 * - `SITE_OUT_DIR` (default `dist/`) is the output folder the user sees; `staging` says whether
 *   the build writes elsewhere first.
 * - The cache (Astro's content store and incremental-build cache) belongs to one content folder
 *   and one output folder: `node_modules/.astro/sites/<hash of both>/`. A build of another folder
 *   gets another cache, so nothing a build of one folder stored can reach a build of another,
 *   and two builds of different folders can run at once. `npm run clean:cache` drops them all.
 */
export function buildDirs(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): { outDir: string; finalOutDir: string; cacheDir: string; staging: boolean } {
  const finalOutDir = path.resolve(cwd, env.SITE_OUT_DIR?.trim() || 'dist');
  const outDir = env.SITE_STAGING_DIR?.trim() ? path.resolve(cwd, env.SITE_STAGING_DIR.trim()) : finalOutDir;
  const key = crypto.createHash('sha256').update(`${contentDir(env, cwd)}\0${finalOutDir}`).digest('hex').slice(0, 16);
  return { outDir, finalOutDir, cacheDir: path.join(cacheRoot(cwd), key), staging: outDir !== finalOutDir };
}

/**
 * The file the build writes beside its staging folder once its last hook is done: every page
 * written, the site pass's indexes and checks passed (src/integrations/built-site.ts).
 * scripts/build.ts publishes the staging folder only when it is there, so an Astro process that
 * ended early with code 0 never passes for a finished build.
 */
export const finishedMarker = (stagingDir: string): string => `${stagingDir}.finished`;

/** The folder holding every build's cache (see {@link buildDirs}). */
export const cacheRoot = (cwd: string = process.cwd()): string => path.join(cwd, 'node_modules', '.astro', 'sites');

/**
 * Output folders a build replaced, moved into its cache folder to be removed there by a detached
 * process after the build has said it is done (scripts/build.ts).
 */
export const REPLACED_PREFIX = 'replaced-';

/** The replaced output folders still waiting in `cacheDir` to be removed (none when the folder is missing). */
export function replacedOutputs(cacheDir: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(cacheDir);
  } catch {
    return [];
  }
  return names.filter((name) => name.startsWith(REPLACED_PREFIX)).map((name) => path.join(cacheDir, name));
}
