import path from 'node:path';
import { contentDir } from '../lib/content-dir.ts';
import { sectionPath, type PagePath } from '../lib/urls.ts';

/**
 * The page a section file renders to: `<content>/sections/<topic>/<slug>.mdx` ->
 * `<topic>/<slug>.html`. Undefined for any other file, so plugins leave other Markdown alone.
 */
export function sectionPagePathOf(filePath: string | undefined, dir: string = contentDir()): PagePath | undefined {
  if (!filePath) return undefined;
  const relative = path.relative(path.join(dir, 'sections'), path.resolve(filePath));
  const parts = relative.split(path.sep);
  if (relative.startsWith('..') || path.isAbsolute(relative) || parts.length !== 2) return undefined;
  const [topic, file] = parts;
  if (!topic || !file || !/\.mdx?$/.test(file)) return undefined;
  return sectionPath(topic, file.replace(/\.mdx?$/, ''));
}
