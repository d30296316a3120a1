import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { inject } from 'vitest';

/** The folder of the seed site built once by tests/global-setup.ts. */
export const siteDir = (): string => inject('siteDir');

/** Every file under `dir`, as sorted paths relative to it (forward slashes); none when `dir` does not exist. */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** Every file under `dir` (as {@link filesUnder} lists it) with the SHA-256 of its bytes: to compare two builds file by file. */
export function fileHashes(dir: string): Map<string, string> {
  return new Map(filesUnder(dir).map((file) => [file, createHash('sha256').update(fs.readFileSync(path.join(dir, file))).digest('hex')]));
}

/** Every file of the built site with one of `extensions`, as paths relative to the site root (forward slashes). */
export function siteFiles(extensions: readonly string[] = ['.html'], dir: string = siteDir()): string[] {
  return filesUnder(dir).filter((file) => extensions.some((e) => file.endsWith(e)));
}

/** A built page parsed with cheerio. */
export function loadPage(relative: string, dir: string = siteDir()): cheerio.CheerioAPI {
  return cheerio.load(fs.readFileSync(path.join(dir, relative), 'utf8'));
}

/** Paths of the section pages: `<topic>/<slug>.html` for the four topics. */
export function sectionPages(dir: string = siteDir()): string[] {
  return siteFiles(['.html'], dir).filter((f) => /^(nato-stance|history|cooperation|us-policy)\/[^/]+\.html$/.test(f));
}

/** `text` with every run of whitespace made one space and the ends trimmed. */
export const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Text of an element with every `[data-editorial]` descendant removed and whitespace collapsed. */
export function sourceTextOf($: cheerio.CheerioAPI, element: Parameters<cheerio.CheerioAPI>[0]): string {
  const clone = $(element).clone();
  clone.find('[data-editorial]').remove();
  return collapse(clone.text());
}
