import fs from 'node:fs';
import path from 'node:path';

const projectRoot = path.resolve(import.meta.dirname, '../..');

/**
 * A fresh folder for a test build, inside the project (`node_modules/.cache/site-builds/`, ignored
 * by git). It must be inside the project: when Astro's outDir lies outside the working directory,
 * Astro puts its prerender chunks in the shared `<project>/.astro/.prerender/`, and two builds
 * running at once then delete each other's chunks.
 */
export function tempBuildRoot(label: string): string {
  const parent = path.join(projectRoot, 'node_modules', '.cache', 'site-builds');
  fs.mkdirSync(parent, { recursive: true });
  return fs.mkdtempSync(path.join(parent, `${label}-`));
}
