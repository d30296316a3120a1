/**
 * Any content folder is a whole site: an empty folder plus one ingested page builds, shows that
 * page's source and nothing of the seed; a second source brings a list of sources.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, tempBuildRoot } from '../helpers/temp-build.ts';
import { filesUnder } from '../helpers/site.ts';

const root = path.resolve(import.meta.dirname, '../..');
const work = tempBuildRoot('any-folder');
const content = path.join(work, 'content');
const dist = path.join(work, 'dist');
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function ingest(file: string, id: string): void {
  const result = spawnSync('npm', ['run', 'ingest', '--silent', '--', file, '--id', id], { cwd: root, env: { ...process.env, SITE_CONTENT_DIR: content }, encoding: 'utf8' });
  expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
}

const footerLinks = (page: string) => {
  const $ = cheerio.load(fs.readFileSync(path.join(dist, page), 'utf8'));
  return $('footer.site-footer a').map((_, a) => ({ text: $(a).text().trim(), href: $(a).attr('href') ?? '' })).get();
};

describe('an empty content folder plus ingested pages', () => {
  it('builds with one ingested page: its source in the footer, no trace of the seed', () => {
    fs.mkdirSync(content, { recursive: true });
    ingest(path.join(root, 'tests/fixtures/ingest/cases/news-page/input.txt'), 'global-desk');
    const built = buildSite(dist, { SITE_CONTENT_DIR: content });
    expect(built.status, built.output).toBe(0);
    expect(footerLinks('index.html')).toContainEqual({ text: 'The source text', href: 'sources/global-desk.html' });
    expect(footerLinks('entities.html')).toContainEqual({ text: 'The source text', href: 'sources/global-desk.html' });
    const files = filesUnder(dist);
    expect(files).toContain('sources/global-desk.html');
    expect(files).not.toContain('sources.html');
    const seedTraces = files.filter((f) => /\.(html|json|js|xml|txt)$/.test(f)).filter((f) => {
      const text = fs.readFileSync(path.join(dist, f), 'utf8');
      return text.includes('russia-us-relations') || text.includes('Russia–US Relations: a Reference');
    });
    expect(seedTraces).toEqual([]);
    const $ = cheerio.load(fs.readFileSync(path.join(dist, 'index.html'), 'utf8'));
    expect($('h1').first().text()).toBe('A reference');
  }, 300_000);

  it('lists its sources on sources.html once it has two', () => {
    ingest(path.join(root, 'tests/fixtures/ingest/cases/hard-wrapped/input.txt'), 'hard-wrapped-page');
    const built = buildSite(dist, { SITE_CONTENT_DIR: content });
    expect(built.status, built.output).toBe(0);
    expect(footerLinks('index.html')).toContainEqual({ text: 'Sources (2)', href: 'sources.html' });
    const $ = cheerio.load(fs.readFileSync(path.join(dist, 'sources.html'), 'utf8'));
    expect($('main a').map((_, a) => $(a).attr('href')).get()).toEqual(expect.arrayContaining(['sources/global-desk.html', 'sources/hard-wrapped-page.html']));
  }, 300_000);
});
