/**
 * Builds of different content folders from one checkout, as a user runs them: one after another
 * (a folder deleted in between), and two at the same time. Each build must read exactly its own
 * folder, succeed for reasons of that folder alone, and produce exactly its own folder's pages.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, tempBuildRoot } from '../helpers/temp-build.ts';
import { filesUnder } from '../helpers/site.ts';
import { removeOrphanEntities } from '../helpers/orphans.ts';

const root = path.resolve(import.meta.dirname, '../..');
const work = tempBuildRoot('isolation');
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** Removes the `related` entries that match `gone` from every section of `content` (a related list left empty becomes []). */
function dropRelated(content: string, gone: RegExp): void {
  for (const f of filesUnder(path.join(content, 'sections')).map((r) => path.join(content, 'sections', r))) {
    const text = fs.readFileSync(f, 'utf8');
    const lines = text.split('\n').filter((line) => !(line.startsWith('- ') && gone.test(line.slice(2))));
    fs.writeFileSync(f, lines.join('\n').replace(/^related:\n(?!- )/m, 'related: []\n'));
  }
}

/** The section ids a content folder holds: `<topic>/<slug>` for each sections/<topic>/<slug>.mdx. */
function sectionIdsIn(content: string): string[] {
  const dir = path.join(content, 'sections');
  if (!fs.existsSync(dir)) return [];
  return filesUnder(dir).filter((f) => f.endsWith('.mdx')).map((f) => f.replace(/\.mdx$/, '').split(path.sep).join('/')).sort();
}

/** The section pages a built site holds: pages under a topic folder that carry a search body. */
function sectionPagesIn(dist: string): string[] {
  return filesUnder(dist)
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => /^(nato-stance|history|cooperation|us-policy)\/[^/]+\.html$/.test(f))
    .filter((f) => cheerio.load(fs.readFileSync(path.join(dist, f), 'utf8'))('[data-pagefind-body]').length === 1)
    .map((f) => f.replace(/\.html$/, ''))
    .sort();
}

function copyOfSeed(name: string, edit?: (content: string) => void): string {
  const content = path.join(work, name);
  fs.cpSync(path.join(root, 'content'), content, { recursive: true });
  edit?.(content);
  return content;
}

function expectOwnPages(content: string, dist: string): void {
  const expected = sectionIdsIn(content);
  expect(expected.length).toBeGreaterThan(0);
  expect(sectionPagesIn(dist)).toEqual(expected);
}

function buildAsync(outDir: string, env: NodeJS.ProcessEnv): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', 'build', '--silent'], { cwd: root, env: { ...process.env, ...env, SITE_OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: '1' } });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('close', (status) => resolve({ status, output }));
  });
}

describe('builds of different content folders from one checkout', () => {
  it('builds the seed after a scratch folder that was built and then deleted', () => {
    const scratch = copyOfSeed('scratch');
    const first = buildSite(path.join(work, 'scratch-dist'), { SITE_CONTENT_DIR: scratch });
    expect(first.status, first.output).toBe(0);
    fs.rmSync(scratch, { recursive: true, force: true });
    const seedDist = path.join(work, 'seed-dist');
    const second = buildSite(seedDist, { SITE_CONTENT_DIR: path.join(root, 'content') });
    expect(second.status, second.output).toBe(0);
    expectOwnPages(path.join(root, 'content'), seedDist);
  }, 240_000);

  it('builds three folders one after another, one deleted in between, each into exactly its own pages', () => {
    const smaller = copyOfSeed('smaller', (c) => {
      fs.rmSync(path.join(c, 'sections', 'cooperation'), { recursive: true });
      // Links into the removed topic would be broken: drop the lock and the related links to it.
      dropRelated(c, /^cooperation\//);
      removeOrphanEntities(c);
    });
    const renamed = copyOfSeed('renamed', (c) => {
      fs.renameSync(path.join(c, 'sections', 'nato-stance', 'mh17.mdx'), path.join(c, 'sections', 'nato-stance', 'flight-mh17.mdx'));
      for (const f of filesUnder(path.join(c, 'sections')).map((r) => path.join(c, 'sections', r))) fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replaceAll('nato-stance/mh17', 'nato-stance/flight-mh17'));
    });
    const results: string[] = [];
    for (const [name, content] of [['smaller', smaller], ['renamed', renamed], ['seed', path.join(root, 'content')]] as const) {
      const dist = path.join(work, `${name}-dist-seq`);
      const built = buildSite(dist, { SITE_CONTENT_DIR: content, LINKS_LOCK_CHECK: 'off' });
      expect(built.status, `${name}: ${built.output}`).toBe(0);
      expectOwnPages(content, dist);
      results.push(name);
      if (name === 'smaller') fs.rmSync(smaller, { recursive: true, force: true });
    }
    expect(results).toEqual(['smaller', 'renamed', 'seed']);
  }, 360_000);

  it('builds two folders at the same time without either seeing the other', async () => {
    const a = copyOfSeed('together-a', (c) => {
      fs.rmSync(path.join(c, 'sections', 'us-policy'), { recursive: true });
      dropRelated(c, /^us-policy\//);
      removeOrphanEntities(c);
    });
    const b = copyOfSeed('together-b', (c) => {
      fs.rmSync(path.join(c, 'sections', 'nato-stance', 'mh17.mdx'));
      dropRelated(c, /^nato-stance\/mh17$/);
      removeOrphanEntities(c);
    });
    const [ra, rb] = await Promise.all([
      buildAsync(path.join(work, 'together-a-dist'), { SITE_CONTENT_DIR: a, LINKS_LOCK_CHECK: 'off' }),
      buildAsync(path.join(work, 'together-b-dist'), { SITE_CONTENT_DIR: b, LINKS_LOCK_CHECK: 'off' }),
    ]);
    expect(ra.status, ra.output).toBe(0);
    expect(rb.status, rb.output).toBe(0);
    expectOwnPages(a, path.join(work, 'together-a-dist'));
    expectOwnPages(b, path.join(work, 'together-b-dist'));
  }, 360_000);
});
