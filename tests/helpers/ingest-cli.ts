import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** The project root, the ingest CLI and the seed's scraped text, for tests that run `npm run ingest`. */
export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const INGEST_CLI = path.join(ROOT, 'src', 'ingest', 'cli.ts');
export const SEED_TEXT = path.join(ROOT, 'content', 'sources', 'russia-us-relations.txt');

/**
 * Runs the ingest CLI as a user does, into the content folder `content` (SITE_CONTENT_DIR).
 * process.execPath is the Node 24 that runs vitest (npm test), so the .ts file runs directly.
 */
export function runIngest(content: string, args: readonly string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [INGEST_CLI, ...args], { cwd: ROOT, env: { ...process.env, SITE_CONTENT_DIR: content }, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
