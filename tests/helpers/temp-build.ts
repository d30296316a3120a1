import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const projectRoot = path.resolve(import.meta.dirname, '../..');

/**
 * A fresh folder for a test build, inside the project (`node_modules/.cache/site-builds/`, ignored
 * by git), so a test's files are found and removed in one place. (`npm run build` itself stages
 * every build inside the project, wherever its output folder is: scripts/build.ts.)
 */
export function tempBuildRoot(label: string): string {
  const parent = path.join(projectRoot, 'node_modules', '.cache', 'site-builds');
  fs.mkdirSync(parent, { recursive: true });
  return fs.mkdtempSync(path.join(parent, `${label}-`));
}

/**
 * `npm run build` of this project into `outDir` (an absolute path, best under `tempBuildRoot`),
 * with `env` added to the environment (e.g. SITE_CONTENT_DIR). Returns the exit status and
 * stdout then stderr, without colour codes.
 */
export function buildSite(outDir: string, env: NodeJS.ProcessEnv = {}, args: readonly string[] = []): { status: number | null; output: string } {
  const result = spawnSync('npm', ['run', 'build', '--silent', ...(args.length ? ['--', ...args] : [])], {
    cwd: projectRoot,
    env: { ...process.env, ...env, SITE_OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`.replace(/\x1b\[[0-9;]*m/g, '') };
}
