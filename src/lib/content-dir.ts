import path from 'node:path';

/**
 * The content folder: `$SITE_CONTENT_DIR` when set (resolved against the working directory),
 * else `content/` in the project. Build, dev and ingest all read it from here.
 */
export function contentDir(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
  const fromEnv = env.SITE_CONTENT_DIR?.trim();
  return path.resolve(cwd, fromEnv ? fromEnv : 'content');
}
