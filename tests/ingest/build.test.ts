import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFrontmatter } from '../../src/content/frontmatter.ts';
import { listContentFiles } from '../../src/content/load.ts';
import { splitLines } from '../../src/ingest/decode.ts';
import { normalizeSpace } from '../../src/ingest/normalize.ts';
import { buildSite, tempBuildRoot } from '../helpers/temp-build.ts';

/**
 * The "done when", end to end and in one build: a text full of MDX, HTML and markdown
 * syntax and a news page with its furniture go through `npm run ingest` into a copy of
 * content/, then `npm run build`. Every paragraph must render as the same characters, with no
 * element the text could have made.
 */
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CASES = path.join(ROOT, 'tests', 'fixtures', 'ingest', 'cases');
const SOURCES = ['mdx-hazards', 'news-page'];
let work = '';
let content = '';
let site = '';

beforeAll(() => {
  work = tempBuildRoot('ingest-build');
  content = path.join(work, 'content');
  site = path.join(work, 'dist');
  fs.cpSync(path.join(ROOT, 'content'), content, { recursive: true });
  const env = { ...process.env, SITE_CONTENT_DIR: content, SITE_OUT_DIR: site, ASTRO_TELEMETRY_DISABLED: '1' };
  for (const id of SOURCES) {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'src', 'ingest', 'cli.ts'), path.join(CASES, id, 'input.txt'), '--id', id], { cwd: ROOT, env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`ingest ${id} failed (${r.status}):\n${r.stderr}`);
  }
  const build = buildSite(site, { SITE_CONTENT_DIR: content });
  if (build.status !== 0) throw new Error(`build failed (${build.status}):\n${build.output.slice(-6000)}`);
}, 240_000);
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** The drafts of one source: page path and the source lines of each block. */
function draftsOf(id: string) {
  const lines = splitLines(fs.readFileSync(path.join(CASES, id, 'input.txt'), 'utf8')).lines;
  return listContentFiles(content, 'sections', ['.mdx']).flatMap((f) => {
    const parsed = parseFrontmatter(f.text);
    if (!parsed.ok) throw new Error(parsed.message);
    const data = parsed.data as { source: string; lines: number[] };
    if (data.source !== id) return [];
    return [{ page: f.relative.replace(/^sections\//, '').replace(/\.mdx$/, '.html'), texts: data.lines.map((l) => normalizeSpace(lines[l - 1] ?? '')) }];
  });
}

describe.each(SOURCES)('%s, ingested and built', (id) => {
  it('renders every placed line verbatim as source text, in order', () => {
    const drafts = draftsOf(id);
    expect(drafts.length).toBeGreaterThan(0);
    for (const { page, texts } of drafts) {
      const $ = cheerio.load(fs.readFileSync(path.join(site, page), 'utf8'));
      const body = $('.source-text').clone();
      body.find('[data-editorial]').remove();
      const shown = normalizeSpace(body.find('p, h2').map((_, el) => $(el).text()).get().join(' '));
      expect(shown, page).toBe(normalizeSpace(texts.join(' ')));
    }
  });

  it('turns nothing in the text into an element, and marks the page unreviewed', () => {
    for (const { page } of draftsOf(id)) {
      const $ = cheerio.load(fs.readFileSync(path.join(site, page), 'utf8'));
      const body = $('.source-text').clone();
      body.find('[data-editorial]').remove();
      const made = body.find('*').toArray().filter((el) => !(el.tagName === 'p' || el.tagName === 'h2' || (el.tagName === 'a' && $(el).is('.entity-link[data-entity]'))));
      expect(made.map((el) => $.html(el)), page).toEqual([]);
      expect($('h1 .badge--draft').text(), page).toBe('unreviewed');
    }
  });
});
