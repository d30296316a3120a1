/**
 * The ingest side of the benchmark: a fresh content folder holding the seed entities (which the
 * generated text mentions) and the seed sources (every page's footer links to the main one),
 * then the real ingest CLI, timed like the build.
 */
import fs from 'node:fs';
import path from 'node:path';
import { runMeasured, type Measured } from './measure.ts';

export const ROOT = path.resolve(import.meta.dirname, '..');

/** Ingests `textFile` as source `sourceId` into a fresh `contentDir` with `npm run ingest`. */
export async function ingestInto(contentDir: string, textFile: string, sourceId: string, logFile: string): Promise<Measured> {
  fs.rmSync(contentDir, { recursive: true, force: true });
  fs.mkdirSync(path.join(contentDir, 'sources'), { recursive: true });
  fs.cpSync(path.join(ROOT, 'content', 'entities'), path.join(contentDir, 'entities'), { recursive: true });
  for (const file of fs.readdirSync(path.join(ROOT, 'content', 'sources'))) {
    fs.cpSync(path.join(ROOT, 'content', 'sources', file), path.join(contentDir, 'sources', file));
  }
  return runMeasured('npm', ['run', 'ingest', '--silent', '--', textFile, '--id', sourceId], {
    cwd: ROOT,
    env: { ...process.env, SITE_CONTENT_DIR: contentDir },
    logFile,
  });
}
