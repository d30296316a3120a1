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
const EVAL = path.join(ROOT, 'tests', 'fixtures', 'ingest-eval');
const EVAL_PAGE = 'gov-fact-sheet';
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
  // A page with dates and names the content folder has never seen: its dates and draft entities must reach the site.
  const r = spawnSync(process.execPath, [path.join(ROOT, 'src', 'ingest', 'cli.ts'), path.join(EVAL, EVAL_PAGE, 'input.txt'), '--id', EVAL_PAGE], { cwd: ROOT, env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`ingest ${EVAL_PAGE} failed (${r.status}):\n${r.stderr}`);
  const build = buildSite(site, { SITE_CONTENT_DIR: content });
  if (build.status !== 0) throw new Error(`build failed (${build.status}):\n${build.output.slice(-6000)}`);
}, 240_000);
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** The drafts of one source: page path and the source lines of each block. */
function draftsOf(id: string, folder = CASES) {
  const lines = splitLines(fs.readFileSync(path.join(folder, id, 'input.txt'), 'utf8')).lines;
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

describe(`${EVAL_PAGE}, ingested and built`, () => {
  it('shows a new name on an entity page marked unreviewed, which lists the section naming it', () => {
    const $ = cheerio.load(fs.readFileSync(path.join(site, 'entities', 'john-quincy-adams.html'), 'utf8'));
    expect($('h1').contents().first().text()).toBe('John Quincy Adams');
    expect($('h1 .badge--draft').text()).toBe('unreviewed');
    const sections = draftsOf(EVAL_PAGE, EVAL).map((d) => d.page);
    const linked = $('main a').map((_, a) => $(a).attr('href') ?? '').get().map((h) => h.replace(/^\.\.\//, '').replace(/#.*$/, ''));
    expect(sections.some((p) => linked.includes(p))).toBe(true);
  });

  it('puts each full date a sentence states on the timeline, linked to the paragraph stating it', () => {
    const $ = cheerio.load(fs.readFileSync(path.join(site, 'timeline.html'), 'utf8'));
    for (const date of ['1809-11-05', '1867-03-30', '1972-05-26', '1991-12-26', '2013-06']) {
      const hrefs = $(`li.timeline-day[data-date="${date}"] a.timeline-fact__where`).map((_, a) => $(a).attr('href') ?? '').get();
      const target = hrefs.find((h) => h.includes('#p-'));
      expect(target, date).toBeDefined();
      const [page = '', fragment = ''] = (target ?? '').split('#');
      const section = cheerio.load(fs.readFileSync(path.join(site, page), 'utf8'));
      expect(section(`[id="${fragment}"]`).length, `${date} -> ${target}`).toBe(1);
    }
    // The page's own date (its dateline, 2021-03-03) is the manifest's, not a fact of the timeline.
    expect($('li.timeline-day[data-date="2021-03-03"]').length).toBe(0);
  });
});
