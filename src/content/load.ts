import fs from 'node:fs';
import path from 'node:path';

/** A content file found on disk. */
export interface ContentFile {
  /** Absolute path. */
  absolute: string;
  /** Path relative to the content folder, with forward slashes: `sections/history/x.mdx`. */
  relative: string;
  text: string;
  /** Why the file cannot be read as text (binary, not UTF-8); its `text` is then empty. */
  unreadable?: string | undefined;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The offset of the first byte that does not continue valid UTF-8, in one pass. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] ?? 0;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += length;
  }
  return bytes.length;
}

/** The file's text, or why it is not text: a NUL byte (binary) or bytes that are not UTF-8. */
export function readText(bytes: Uint8Array): { text: string; unreadable?: string } {
  const nul = bytes.indexOf(0);
  if (nul !== -1) return { text: '', unreadable: `a binary file (a NUL byte at offset ${nul})` };
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    return { text: '', unreadable: `bytes that are not UTF-8 (the first at byte offset ${firstInvalidUtf8(bytes)})` };
  }
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
        files.push({ absolute, relative: path.relative(dir, absolute).split(path.sep).join('/'), ...readText(fs.readFileSync(absolute)) });
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
