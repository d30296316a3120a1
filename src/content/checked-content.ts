/**
 * The content check, run once per state of the content folder and shared by the collection
 * loaders (src/content/loaders.ts) and, in dev, by the pages (src/lib/site-data.ts).
 *
 * The check reads and validates every file of the folder at once ({@link validateContent}), so a
 * broken folder is reported whole: every problem, by file and field. Its result is kept for as
 * long as no file of the folder changes (same paths, sizes and modification times), so the three
 * collections' loaders, which Astro runs side by side, read the folder once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { validateContent, SITE_FILE, type ValidatedContent } from './validate.ts';
import type { Problem } from './problems.ts';
import { openYamlCache } from './yaml-cache.ts';

export interface CheckedContent {
  dir: string;
  problems: Problem[];
  content: ValidatedContent;
  ms: number;
}

const FOLDERS = ['sections', 'entities', 'sources'] as const;

let last: { key: string; result: CheckedContent } | undefined;

/**
 * The check's result for `dir` as it is now (recomputed only when a file changed). With
 * `cacheDir` (the build's cache folder), files parsed by an earlier build are not parsed again.
 * `unwatched`: no file of the folder is expected to change while this process runs (a build, not
 * dev): the result is kept without listing the folder again, which took 0.1 s per loader at
 * 5,000 sections. A later call without it (dev) checks the files as always.
 */
export function checkedContent(dir: string, cacheDir?: string, unwatched = false): CheckedContent {
  const key = unwatched ? `unwatched\0${dir}` : fingerprint(dir);
  if (last?.key === key) return last.result;
  const started = Date.now();
  const yaml = cacheDir === undefined ? undefined : openYamlCache(cacheDir);
  const { problems, content } = validateContent(dir, yaml?.parse);
  yaml?.save();
  const result = { dir, problems, content, ms: Date.now() - started };
  last = { key, result };
  return result;
}

/** Every content file's path, size and modification time, in one string. */
function fingerprint(dir: string): string {
  const parts: string[] = [dir];
  const add = (file: string) => {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat?.isFile()) parts.push(`${path.relative(dir, file)}\0${stat.size}\0${stat.mtimeMs}`);
  };
  add(path.join(dir, SITE_FILE));
  for (const folder of FOLDERS) {
    const root = path.join(dir, folder);
    if (!fs.existsSync(root)) continue;
    for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) add(path.join(entry.parentPath, entry.name));
    }
  }
  return parts.sort().join('\n');
}
