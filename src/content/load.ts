import fs from 'node:fs';
import path from 'node:path';

/** A content file found on disk. */
export interface ContentFile {
  /** Absolute path. */
  absolute: string;
  /** Path relative to the content folder, with forward slashes: `sections/history/x.mdx`. */
  relative: string;
  text: string;
}

/** Every file under `dir/sub` whose name ends in one of `extensions`, sorted by path. */
export function listContentFiles(dir: string, sub: string, extensions: readonly string[]): ContentFile[] {
  const root = path.join(dir, sub);
  if (!fs.existsSync(root)) return [];
  const files: ContentFile[] = [];
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const absolute = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(absolute);
      else if (extensions.some((ext) => entry.name.endsWith(ext))) {
        files.push({ absolute, relative: path.relative(dir, absolute).split(path.sep).join('/'), text: fs.readFileSync(absolute, 'utf8') });
      }
    }
  };
  walk(root);
  return files;
}

/** The section id of `sections/<topic>/<slug>.mdx`: `<topic>/<slug>`. */
export const sectionIdOf = (relative: string): string => relative.replace(/^sections\//, '').replace(/\.mdx?$/, '');
/** The id of `entities/<id>.yaml` or `sources/<id>.yaml`. */
export const fileIdOf = (relative: string): string => path.posix.basename(relative).replace(/\.ya?ml$/, '');

/** The body's text as a reader sees it: anchor comments removed and markdown escapes undone. */
export function bodyReadingText(body: string): string {
  return body
    .replace(/[ \t]*\{\/\*[\s\S]*?\*\/\}/g, '')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1');
}
