/**
 * Search over a sharded Pagefind index (src/search/pagefind-shards.ts), served under a sub-path:
 * the seed site's pages indexed again in four shards, as a large site's are. The search page must
 * merge every shard and find the same pages as the single index does.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { pagefindIndexesPath, type PagePath } from '../../src/lib/urls.ts';
import { listFiles } from '../../src/links/scan-site.ts';
import { shardOf } from '../../src/search/pagefind-shards.ts';
import { SitePass } from '../../src/site-pass/handle.ts';
import { browserAvailable, launchBrowser, serveStatic, type StaticServer } from '../helpers/browser.ts';
import { siteDir } from '../helpers/site.ts';
import { tempBuildRoot } from '../helpers/temp-build.ts';

const PREFIX = '/shards/';
/** Queries with fewer results than the page shows (20), so both indexes list every match. */
const QUERIES = ['Litvinov', 'helicopter maintenance', 'MH17', 'Abkhazia', 'UNODC', 'Minsk', '9M729', 'Euro-Atlantic', 'U.S. relations'];

async function results(page: Page, base: string, query: string): Promise<string[]> {
  await page.goto(`${base}search.html?q=${encodeURIComponent(query)}`);
  await page.waitForFunction(() => {
    const status = document.getElementById('search-status')?.textContent ?? '';
    return status !== '' && !status.startsWith('Searching');
  });
  expect(await page.locator('#search-results').getAttribute('data-engine')).toBe('pagefind');
  return page.locator('#search-results > li > h2 > a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
}

describe.runIf(browserAvailable())('search over a sharded index, in Chromium', () => {
  const tmp = tempBuildRoot('sharded-search');
  const sharded = path.join(tmp, 'site');
  let browser: Browser;
  let single: StaticServer;
  let split: StaticServer;

  beforeAll(async () => {
    fs.cpSync(siteDir(), sharded, { recursive: true });
    fs.rmSync(path.join(sharded, 'pagefind'), { recursive: true });
    const pages = listFiles(sharded).filter((f) => f.endsWith('.html')).sort() as PagePath[];
    // Few pages per shard, so the seed's pages make four shards.
    const pass = new SitePass(sharded, undefined, Math.ceil(pages.length / 4));
    pass.order(pages);
    const result = await pass.finish(sharded, listFiles(sharded), { ...process.env, LINKS_LOCK_CHECK: 'off' });
    expect(result.check.failures).toEqual([]);
    expect(result.pagefind.shards).toBe(4);
    [browser, single, split] = await Promise.all([launchBrowser(), serveStatic(siteDir(), PREFIX), serveStatic(sharded, PREFIX)]);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await Promise.all([single?.close(), split?.close()]);
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('lists four shard folders and finds, for each query, the pages the single index finds, from several shards', async () => {
    const list = JSON.parse(fs.readFileSync(path.join(sharded, pagefindIndexesPath()), 'utf8')) as { indexes: string[] };
    expect(list.indexes).toHaveLength(4);
    const context = await browser.newContext();
    const page = await context.newPage();
    const failed: string[] = [];
    const shardsFetched = new Set<string>();
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.url()} (HTTP ${r.status()})`);
      const folder = /\/shards\/(pagefind(?:-\d)?)\//.exec(r.url())?.[1];
      if (folder) shardsFetched.add(folder);
    });
    page.on('pageerror', (e) => failed.push(e.message));
    const shardsOfResults = new Set<number>();
    for (const query of QUERIES) {
      const fromSingle = await results(page, single.base, query);
      const fromShards = await results(page, split.base, query);
      expect(fromSingle.length, query).toBeGreaterThan(0);
      expect(new Set(fromShards), `${query}: ${fromShards.join(" ")} against ${fromSingle.join(" ")}`).toEqual(new Set(fromSingle));
      for (const url of fromShards) shardsOfResults.add(shardOf(url as PagePath, 4));
    }
    // A word no page has: no index may answer with a nearer, shorter word ("ze" for "zebra").
    expect(await results(page, split.base, 'zebra')).toEqual([]);
    expect(await results(page, single.base, 'zebra')).toEqual([]);
    // Every shard was loaded, and the results came from more than one of them.
    expect(shardsFetched).toEqual(new Set(['pagefind', 'pagefind-1', 'pagefind-2', 'pagefind-3']));
    expect(shardsOfResults.size).toBeGreaterThan(1);
    expect(failed).toEqual([]);
    await context.close();
  }, 120_000);
});
