/**
 * A shard whose page renders with a new search text is indexed while the pages render, from the
 * last build's pages for the others (src/search/pagefind-speculation.ts). Its output is used only
 * when the shard's real input is the one it was made from: it must then be the index Pagefind
 * makes of the new pages without any cache, and any doubt (a last-build page that is not what the
 * cache says, a reused page that is not the last build's) must fall back to indexing at the end,
 * with the same result. Runs the real worker and Pagefind.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PagePath } from '../../src/lib/urls.ts';
import type { SitePassResult } from '../../src/site-pass/messages.ts';
import { fileHashes } from '../helpers/site.ts';
import { homeHtml, runSitePass, sectionHtml } from '../helpers/site-pass.ts';
import { tempBuildRoot } from '../helpers/temp-build.ts';

const tmp = tempBuildRoot('pagefind-speculation');
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const ORIGINAL: Record<string, string> = {
  'index.html': homeHtml('<a href="history/a.html">A</a>'),
  'history/a.html': sectionHtml('Alpha', '<p id="p-1">Arms talks resumed in Geneva.</p>'),
  'history/b.html': sectionHtml('Beta', '<p id="p-2">Sanctions followed the annexation.</p>'),
  'history/c.html': sectionHtml('Gamma', '<p id="p-3">The treaty was signed and ratified.</p>'),
};
const ORDER = Object.keys(ORIGINAL) as PagePath[];
const EDITED = { ...ORIGINAL, 'history/c.html': sectionHtml('Gamma', '<p id="p-3">The treaty was signed, ratified and later suspended.</p>') };

/** One pass over `pages`: `rendered` handed over as rendered, the rest read at the end. */
async function pass(pages: Record<string, string>, cacheDir: string | undefined, rendered: readonly string[], previousOutDir?: string): Promise<{ out: string; result: SitePassResult }> {
  const run = await runSitePass(tmp, { pages, order: ORDER, cacheDir, rendered, previousOutDir });
  expect(run.result.check.failures).toEqual([]);
  // Ended on its own, nothing pending: terminating a thread with native work pending can abort the process.
  expect(run.ended).toBe('exited');
  return run;
}

/** Pagefind processes this process started that still run (not yet reaped ones excepted), after a short wait for killed ones. */
async function livePagefindProcesses(): Promise<number> {
  const live = () => fs.readdirSync('/proc').filter((pid) => /^\d+$/.test(pid)).filter((pid) => {
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      return false;
    }
    const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return comm.startsWith('pagefind') && Number(ppid) === process.pid && state !== 'Z';
  }).length;
  for (let waited = 0; waited < 5_000 && live() > 0; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
  return live();
}

const pagefindFiles = (out: string) => fileHashes(path.join(out, 'pagefind'));
const leftovers = (cache: string) => fs.readdirSync(path.join(cache, 'site-pass')).filter((name) => name.startsWith('speculation-'));

describe('a shard indexed while the pages render', () => {
  it('is used when the shard\'s real input is the one it was made from, and is then the index a clean pass makes', async () => {
    const cache = path.join(tmp, 'cache-a');
    const last = await pass(ORIGINAL, cache, ORDER);
    // What a build stopped half-way left: removed by the next.
    fs.mkdirSync(path.join(cache, 'site-pass', 'speculation-999-0-0', 'fragment'), { recursive: true });
    const edit = await pass(EDITED, cache, ['history/c.html'], last.out);
    expect(edit.result.pagefind.speculatedShards).toBe(1);
    expect(edit.result.pagefind.restored).toBe(false);
    const clean = await pass(EDITED, undefined, []);
    expect(pagefindFiles(edit.out)).toEqual(pagefindFiles(clean.out));
    expect(pagefindFiles(edit.out).size).toBeGreaterThan(3);
    expect(leftovers(cache)).toEqual([]);
  }, 120_000);

  it('is not started when a last-build page is not what the page cache holds, and the index is the same', async () => {
    const cache = path.join(tmp, 'cache-b');
    const last = await pass(ORIGINAL, cache, ORDER);
    fs.writeFileSync(path.join(last.out, 'history/b.html'), sectionHtml('Beta', '<p id="p-2">Edited by hand in the output folder.</p>'));
    const edit = await pass(EDITED, cache, ['history/c.html'], last.out);
    expect(edit.result.pagefind.speculatedShards).toBe(0);
    expect(pagefindFiles(edit.out)).toEqual(pagefindFiles((await pass(EDITED, undefined, [])).out));
  }, 120_000);

  it('is thrown away when a reused page is not the last build\'s, and the index is the same as a clean pass\'s', async () => {
    const cache = path.join(tmp, 'cache-c');
    const last = await pass(ORIGINAL, cache, ORDER);
    // b changed too but was not handed over (as if reused): the speculation used the last build's b.
    const both = { ...EDITED, 'history/b.html': sectionHtml('Beta', '<p id="p-2">Sanctions were eased and then restored.</p>') };
    const edit = await pass(both, cache, ['history/c.html'], last.out);
    expect(edit.result.pagefind.speculatedShards).toBe(0);
    expect(pagefindFiles(edit.out)).toEqual(pagefindFiles((await pass(both, undefined, [])).out));
    expect(leftovers(cache)).toEqual([]);
    expect(await livePagefindProcesses()).toBe(0);
  }, 120_000);

  it('starts again when another page of the shard renders with a new text, and is used when that was the last change', async () => {
    const cache = path.join(tmp, 'cache-d');
    const last = await pass(ORIGINAL, cache, ORDER);
    const both = { ...EDITED, 'history/a.html': sectionHtml('Alpha', '<p id="p-1">Arms talks resumed in Vienna.</p>') };
    const edit = await pass(both, cache, ['history/c.html', 'history/a.html'], last.out);
    expect(edit.result.pagefind.speculatedShards).toBe(1);
    expect(pagefindFiles(edit.out)).toEqual(pagefindFiles((await pass(both, undefined, [])).out));
    // The first attempt was dropped: nothing asked Pagefind for anything after it was closed.
    expect(await livePagefindProcesses()).toBe(0);
    expect(leftovers(cache)).toEqual([]);
  }, 120_000);
});
