/**
 * Each section as its loader rendered it (HTML, headings, analysis), in one file per render in
 * the build's own cache folder, named by the section entry's digest: content-addressed, so a
 * file once written is never stale, and a build of another content folder never sees it.
 *
 * Why not in the content store's `rendered` field: Astro bundles the whole store into the build
 * as one JavaScript string literal, and V8 compiles such a literal in time that grows much faster
 * than its size once it holds a character outside ASCII (measured on the 1,000-section store of
 * 16 MB: 4 s, 0.4 s for a quarter of it; at 5,000 sections it was most of a 310 s build). With the
 * renders here the store keeps each section's data and digest (2–3 KB a section) and stays fast
 * to bundle and load at any size. See docs/architecture.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { MarkdownHeading } from 'astro';
import type { StoredAnalysis } from '../markdown/stored-analysis.ts';
import { writeFileAtomic } from '../lib/atomic-file.ts';

export interface SectionRender {
  html: string;
  headings: MarkdownHeading[];
  analysis: StoredAnalysis;
}

/** What every build reads of each section (the link graph, the entity check); the HTML is read only for a page that renders. */
export type SectionFacts = Pick<SectionRender, 'headings' | 'analysis'>;

const FOLDER = 'section-renders';

/** `<digest>.html` holds the HTML, `<digest>.json` the headings and analysis. */
const fileOf = (cacheDir: string, digest: string, ext: '.html' | '.json'): string => {
  if (!/^[0-9a-f.]+$/.test(digest)) throw new Error(`Not a section digest: "${digest}" (src/content/loaders.ts makes them).`);
  return path.join(cacheDir, FOLDER, `${digest}${ext}`);
};

/** Whether the render of `digest` is on disk. */
export const hasSectionRender = (cacheDir: string, digest: string): boolean =>
  fs.existsSync(fileOf(cacheDir, digest, '.json')) && fs.existsSync(fileOf(cacheDir, digest, '.html'));

/** The digests whose render is on disk (both files), from one listing of the folder. */
export function sectionRendersOnDisk(cacheDir: string): Set<string> {
  let names: string[];
  try {
    names = fs.readdirSync(path.join(cacheDir, FOLDER));
  } catch {
    return new Set();
  }
  const html = new Set(names.filter((n) => n.endsWith('.html')).map((n) => n.slice(0, -'.html'.length)));
  return new Set(names.filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -'.json'.length)).filter((d) => html.has(d)));
}

/** Writes the render of `digest` (atomically, HTML first; existing files already hold the same render). */
export function writeSectionRender(cacheDir: string, digest: string, render: SectionRender): void {
  if (hasSectionRender(cacheDir, digest)) return;
  const { html, ...facts } = render;
  writeFileAtomic(fileOf(cacheDir, digest, '.html'), html);
  writeFileAtomic(fileOf(cacheDir, digest, '.json'), JSON.stringify(facts));
}

const read = (cacheDir: string, id: string, digest: string, ext: '.html' | '.json'): string => {
  const file = fileOf(cacheDir, digest, ext);
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`The rendered section ${id} is missing from the build's cache (${file}: ${(error as Error).message}). Build again; if it persists, run npm run clean:cache.`);
  }
};

/** The headings and analysis of section `id` stored under `digest`; a missing file is an error that says what to do. */
export const readSectionFacts = (cacheDir: string, id: string, digest: string): SectionFacts =>
  JSON.parse(read(cacheDir, id, digest, '.json')) as SectionFacts;

/** The HTML of section `id` stored under `digest`. */
export const readSectionHtml = (cacheDir: string, id: string, digest: string): string => read(cacheDir, id, digest, '.html');

/** Removes every render not among `keep` (the digests of the folder's sections now). */
export function pruneSectionRenders(cacheDir: string, keep: ReadonlySet<string>): void {
  const dir = path.join(cacheDir, FOLDER);
  if (!fs.existsSync(dir)) return;
  for (const name of fs.readdirSync(dir)) {
    const digest = name.replace(/\.(html|json)$/, '');
    if (digest !== name && keep.has(digest)) continue;
    fs.rmSync(path.join(dir, name), { force: true });
  }
}
