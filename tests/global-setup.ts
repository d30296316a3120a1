import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, tempBuildRoot } from './helpers/temp-build.ts';

/**
 * Builds the seed site once for every suite that reads dist/: into a temporary folder, so tests
 * never touch the developer's dist/ and parallel runs never share one. Suites get the folder
 * through `inject('siteDir')`.
 */
export default function setup(project: TestProject) {
  const outDir = tempBuildRoot('seed');
  const siteDir = path.join(outDir, 'dist');
  const started = Date.now();
  const result = buildSite(siteDir);
  if (result.status !== 0) {
    throw new Error(`The seed site did not build (exit ${result.status}):\n${result.output}`);
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
