import fs from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { inject } from 'vitest';

/** The folder of the seed site built once by tests/global-setup.ts. */
export const siteDir = (): string => inject('siteDir');

/** Every file of the built site with one of `extensions`, as paths relative to the site root (forward slashes). */
export function siteFiles(extensions: readonly string[] = ['.html'], dir: string = siteDir()): string[] {
  const out: string[] = [];
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const abs = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(abs);
      else if (extensions.some((e) => entry.name.endsWith(e))) out.push(path.relative(dir, abs).split(path.sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** A built page parsed with cheerio. */
export function loadPage(relative: string, dir: string = siteDir()): cheerio.CheerioAPI {
  return cheerio.load(fs.readFileSync(path.join(dir, relative), 'utf8'));
}

/** Paths of the section pages: `<topic>/<slug>.html` for the four topics. */
export function sectionPages(dir: string = siteDir()): string[] {
  return siteFiles(['.html'], dir).filter((f) => /^(nato-stance|history|cooperation|us-policy)\/[^/]+\.html$/.test(f));
}

/** Text of an element with every `[data-editorial]` descendant removed and whitespace collapsed. */
export function sourceTextOf($: cheerio.CheerioAPI, element: Parameters<cheerio.CheerioAPI>[0]): string {
  const clone = $(element).clone();
  clone.find('[data-editorial]').remove();
  return clone.text().replace(/\s+/g, ' ').trim();
}
