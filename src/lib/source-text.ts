import fs from 'node:fs';
import path from 'node:path';
import { contentDir } from './content-dir.ts';

/** The lines of `content/sources/<id>.txt`, as scraped (line endings normalised, nothing else). */
export function readSourceText(id: string): string[] {
  const text = fs.readFileSync(path.join(contentDir(), 'sources', `${id}.txt`), 'utf8');
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
}
