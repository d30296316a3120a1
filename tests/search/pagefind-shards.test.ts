/**
 * Pagefind's index in shards (src/search/pagefind-shards.ts): how many, which page goes where,
 * and that a build indexes again only the shard whose page changed, the rest restored, with the
 * same files as a build without any cache. Runs the real worker and Pagefind.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { pagefindDir, pagefindIndexesPath, type PagePath } from '../../src/lib/urls.ts';
import { listFiles } from '../../src/links/scan-site.ts';
import { MAX_SHARDS, PAGES_PER_SHARD, shardCount, shardOf } from '../../src/search/pagefind-shards.ts';
import { SitePass } from '../../src/site-pass/handle.ts';
import type { SitePassResult } from '../../src/site-pass/messages.ts';
import { homeHtml } from '../helpers/site-pass.ts';
import { fileHashes } from '../helpers/site.ts';
import { tempBuildRoot } from '../helpers/temp-build.ts';

const tmp = tempBuildRoot('pagefind-shards');
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('how many shards, and which page goes where', () => {
  it('gives a small site one index, a large one a few, never more than the maximum', () => {
    expect(shardCount(50)).toBe(1);
    expect(shardCount(1052)).toBe(4);
    expect(shardCount(1499)).toBe(4);
    expect(shardCount(5054)).toBe(MAX_SHARDS);
    expect(shardCount(1500)).toBe(8);
    fc.assert(fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }), (a, b) => {
      const [small, large] = a <= b ? [a, b] : [b, a];
      expect(shardCount(small)).toBeLessThanOrEqual(shardCount(large));
      expect([1, 2, 4, 8]).toContain(shardCount(large));
      // Each shard holds no more than about twice the pages meant for one.
      expect(large / shardCount(large) < 2 * PAGES_PER_SHARD || shardCount(large) === MAX_SHARDS).toBe(true);
    }));
  });

  it('puts a page in the same shard whatever the other pages, and spreads pages over every shard', () => {
    fc.assert(fc.property(fc.string({ minLength: 1 }), fc.constantFrom(1, 2, 4), (name, count) => {
      const page = `history/${name}.html` as PagePath;
      const k = shardOf(page, count);
      expect(k).toBeGreaterThanOrEqual(0);
      expect(k).toBeLessThan(count);
      expect(shardOf(page, count)).toBe(k);
    }));
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 1000; i++) counts[shardOf(`history/section-${i}.html` as PagePath, 4)]! += 1;
    for (const n of counts) expect(n).toBeGreaterThan(150);
  });
});

const section = (title: string, text: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>` +
  `<body><nav><a href="../index.html">Home</a></nav><main><article data-pagefind-body><h1>${title}</h1><p id="p-1">${text}</p></article></main></body></html>`;

const TITLES = ['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon', 'Zeta', 'Eta', 'Theta'];
const PAGES: Record<string, string> = {
  'index.html': homeHtml('<a href="history/alpha.html">Alpha</a>'),
  ...Object.fromEntries(TITLES.map((t, i) => [`history/${t.toLowerCase()}.html`, section(t, `Arms talks round ${i} in Geneva.`)])),
};
const ORDER = Object.keys(PAGES) as PagePath[];
/** Two pages per shard: four shards for the nine pages. */
const PER_SHARD = 2;

let runs = 0;
/** One site pass over `pages` in a fresh folder; every page read from disk at the end, as a warm build's reused pages. */
async function pass(pages: Record<string, string>, cacheDir: string | undefined): Promise<{ out: string; result: SitePassResult }> {
  const out = path.join(tmp, `out-${++runs}`);
  for (const [file, html] of Object.entries(pages)) {
    fs.mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
    fs.writeFileSync(path.join(out, file), html);
  }
  const sitePass = new SitePass(out, cacheDir, PER_SHARD);
  sitePass.order(ORDER);
  const result = await sitePass.finish(out, listFiles(out), { ...process.env, LINKS_LOCK_CHECK: 'off' });
  expect(result.check.failures).toEqual([]);
  return { out, result };
}

/** Every file of every shard folder, by path from the output folder. */
const indexFiles = (out: string, shards: number) => new Map(Array.from({ length: shards }, (_, k) => [...fileHashes(path.join(out, pagefindDir(k)))].map(([f, h]) => [`${pagefindDir(k)}/${f}`, h] as const)).flat());

describe('a sharded index', () => {
  it('lists its folders, indexes every page once, and after one page changed indexes only that page\'s shard again', async () => {
    const cache = path.join(tmp, 'cache');
    const fresh = await pass(PAGES, undefined);
    expect(fresh.result.pagefind.shards).toBe(4);
    expect(fresh.result.pagefind.pages).toBe(TITLES.length);
    const list = JSON.parse(fs.readFileSync(path.join(fresh.out, pagefindIndexesPath()), 'utf8')) as { indexes: string[] };
    expect(list.indexes).toEqual(['pagefind/', 'pagefind-1/', 'pagefind-2/', 'pagefind-3/']);
    // Each page's fragment is in exactly one shard: 8 fragments in all.
    const fragments = [...indexFiles(fresh.out, 4).keys()].filter((f) => f.includes('/fragment/'));
    expect(fragments).toHaveLength(TITLES.length);

    await pass(PAGES, cache);
    const warm = await pass(PAGES, cache);
    expect(warm.result.pagefind.restoredShards).toBe(4);
    expect(indexFiles(warm.out, 4)).toEqual(indexFiles(fresh.out, 4));

    const changedPage = 'history/gamma.html' as PagePath;
    const edited = { ...PAGES, [changedPage]: section('Gamma', 'Arms talks resumed, then stalled, in Geneva.') };
    const after = await pass(edited, cache);
    expect(after.result.pagefind.restoredShards).toBe(3);
    const clean = await pass(edited, undefined);
    expect(indexFiles(after.out, 4)).toEqual(indexFiles(clean.out, 4));
    // Only the changed page's shard differs from before the edit.
    const changedShard = pagefindDir(shardOf(changedPage, 4));
    const differs = [...indexFiles(after.out, 4)].filter(([f, h]) => indexFiles(fresh.out, 4).get(f) !== h).map(([f]) => f.split('/')[0]);
    expect(new Set(differs)).toEqual(new Set([changedShard]));
  }, 120_000);
});
