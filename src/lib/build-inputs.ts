/**
 * What a build is made from, and what it left in the output folder: `npm run build`
 * (scripts/build.ts) skips the build when neither changed since the last successful one.
 *
 * The inputs are every file of the content folder and of the project's code (`src/`, `public/`,
 * the configs, the lock file, the build script), the settings that change pages (`SITE_URL`, the
 * citation date, `LINKS_LOCK_CHECK`, the folders), the Astro flags given and Node's version. The
 * output is every file of the output folder with its size and modification time, so an output
 * folder someone changed or emptied by hand is built again.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { buildDate } from './build-date.ts';
import { contentDir } from './content-dir.ts';
import { buildDirs } from './build-dirs.ts';

/** The project's own files and folders a build reads, from its root. */
export const PROJECT_INPUTS = ['src', 'public', 'scripts/build.ts', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'] as const;

/** The environment variables that change what a build writes (besides the folders). */
const SETTINGS = ['SITE_URL', 'LINKS_LOCK_CHECK'] as const;

/** A hash of everything the build at `root` would be made from, with `env` and Astro `args`. */
export function buildInputsKey(root: string, env: NodeJS.ProcessEnv, args: readonly string[]): string {
  const hash = crypto.createHash('sha256');
  const add = (...parts: string[]) => {
    for (const part of parts) hash.update(part).update('\0');
  };
  add('settings', JSON.stringify([process.version, args, buildDate(env), SETTINGS.map((name) => env[name] ?? null), contentDir(env, root), buildDirs(env, root).finalOutDir]));
  const content = contentDir(env, root);
  for (const [base, name] of [...PROJECT_INPUTS.map((p) => [root, p] as const), [content, '.'] as const]) {
    for (const file of filesUnder(path.join(base, name))) {
      add(path.relative(root, file));
      hash.update(fs.readFileSync(file)).update('\0');
    }
  }
  return hash.digest('hex');
}

/** Every file of the output folder, with its size and modification time (sorted; empty when there is no folder). */
export function outputManifest(dir: string): string[] {
  return filesUnder(dir).map((file) => {
    const stat = fs.statSync(file);
    return `${path.relative(dir, file)}\0${stat.size}\0${stat.mtimeMs}`;
  });
}

/** The files under `target` (itself, if a file), sorted, skipping nothing but what does not exist. */
function filesUnder(target: string): string[] {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) return [];
  if (stat.isFile()) return [target];
  return fs.readdirSync(target, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}
