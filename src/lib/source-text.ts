import fs from 'node:fs';
import path from 'node:path';
import { contentDir } from './content-dir.ts';

/**
 * A scraped text's lines, numbered as everywhere in the project (manifests, `lines` fields, the
 * source page): BOM dropped, CRLF and CR read as LF, a final newline not counted as a line.
 * The ingest numbers lines with this too, so a line number means the same line on every page.
 */
export function splitSourceLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
}

/** The file of a source's scraped text: `<content folder>/sources/<id>.txt`. */
export const sourceTextFile = (id: string, dir: string = contentDir()): string => path.join(dir, 'sources', `${id}.txt`);

/** The lines of `content/sources/<id>.txt`, as scraped (line endings normalised, nothing else). */
export function readSourceText(id: string): string[] {
  return splitSourceLines(fs.readFileSync(sourceTextFile(id), 'utf8'));
}
