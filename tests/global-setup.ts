import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { tempBuildRoot } from './helpers/temp-build.ts';

/**
 * Builds the seed site once for every suite that reads dist/: into a temporary folder, so tests
 * never touch the developer's dist/ and parallel runs never share one. Suites get the folder
 * through `inject('siteDir')`.
 */
export default function setup(project: TestProject) {
  const outDir = tempBuildRoot('seed');
  const siteDir = path.join(outDir, 'dist');
  const started = Date.now();
  const result = spawnSync('npm', ['run', 'build', '--silent'], {
    cwd: path.resolve(import.meta.dirname, '..'),
    env: { ...process.env, SITE_OUT_DIR: siteDir, ASTRO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new Error(`The seed site did not build (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  console.log(`[global-setup] built the seed site into ${siteDir} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  project.provide('siteDir', siteDir);
  return () => fs.rmSync(outDir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    siteDir: string;
  }
}
