/**
 * When a build's pages, files and check inputs are exactly the last successful pass's, the site
 * pass restores links.json, its schema, objects.inv, search-index.js and the check's report
 * (src/site-pass/pass-outputs.ts) instead of checking again. What it restores must be what a pass
 * without any cache writes and reports; any change to a page, the link lock or LINKS_LOCK_CHECK
 * must check afresh, and a failed check is never kept. Runs the real worker.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeLock } from '../../src/links/lock.ts';
import type { PagePath } from '../../src/lib/urls.ts';
import type { SitePassResult } from '../../src/site-pass/messages.ts';
import { passOutputFiles } from '../../src/site-pass/pass-outputs.ts';
import { homeHtml, runSitePass, sectionHtml } from '../helpers/site-pass.ts';
import { tempBuildRoot } from '../helpers/temp-build.ts';

const tmp = tempBuildRoot('pass-outputs');
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const selfLinked = (tag: string, id: string, text: string) => `<${tag} id="${id}">${text} <a href="#${id}">#</a></${tag}>`;

const PAGES: Record<string, string> = {
  'index.html': homeHtml('<a href="history/a.html#p-1">A</a> <a href="history/b.html">B</a>'),
  'history/a.html': sectionHtml('Alpha', `${selfLinked('h2', 'talks', 'Talks')}${selfLinked('p', 'p-1', 'Arms talks resumed in Geneva.')}`),
  'history/b.html': sectionHtml('Beta', `${selfLinked('p', 'p-2', 'Sanctions followed the annexation.')}<p><a href="a.html#talks">Talks</a></p>`),
};
const ORDER = Object.keys(PAGES) as PagePath[];

/** One pass over `pages` (and `extra` files), every page read from disk at the end, as an incremental build's reused pages. */
const pass = (pages: Record<string, string>, cacheDir: string | undefined, env: NodeJS.ProcessEnv, extra: Record<string, string> = {}): Promise<{ out: string; result: SitePassResult }> =>
  runSitePass(tmp, { pages, order: ORDER, cacheDir, env, extra });

/** The restored files of a pass, by path. */
const outputs = (out: string) => new Map(passOutputFiles().map((f) => [f, fs.readFileSync(path.join(out, f), 'utf8')]));

/** A content folder of its own (the lock lives there). */
function contentFolder(name: string): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

describe('the check\'s outputs, restored when nothing it reads changed', () => {
  it('restores exactly what a pass without a cache writes and reports, and checks afresh after a page changed', async () => {
    const env = { SITE_CONTENT_DIR: contentFolder('content-a'), LINKS_LOCK_CHECK: 'off' };
    const cache = path.join(tmp, 'cache-a');
    const clean = await pass(PAGES, undefined, env);
    const first = await pass(PAGES, cache, env);
    const second = await pass(PAGES, cache, env);
    expect(first.result.checkRestored).toBe(false);
    expect(second.result.checkRestored).toBe(true);
    expect(outputs(second.out)).toEqual(outputs(clean.out));
    expect(second.result.check).toEqual(clean.result.check);
    expect(second.result.fallback).toEqual(clean.result.fallback);
    expect(outputs(clean.out).get('links.json' as PagePath)).toContain('p-2');

    const changed = { ...PAGES, 'history/b.html': sectionHtml('Beta', `${selfLinked('p', 'p-3', 'Sanctions were eased later.')}`) };
    const afterEdit = await pass(changed, cache, env);
    const cleanEdit = await pass(changed, undefined, env);
    expect(afterEdit.result.checkRestored).toBe(false);
    expect(outputs(afterEdit.out)).toEqual(outputs(cleanEdit.out));
    expect(outputs(afterEdit.out).get('links.json' as PagePath)).toContain('p-3');
    expect(outputs(afterEdit.out).get('links.json' as PagePath)).not.toContain('p-2');
  }, 60_000);

  it('restores whether or not Pagefind wrote its index before the file list was taken, unless a page links there', async () => {
    const env = { SITE_CONTENT_DIR: contentFolder('content-c'), LINKS_LOCK_CHECK: 'off' };
    const cache = path.join(tmp, 'cache-c');
    // As when every section page rendered early: Pagefind's files are already in the output folder.
    await pass(PAGES, cache, env, { 'pagefind/pagefind-entry.json': '{}', 'pagefind-1/pagefind-entry.json': '{}', 'pagefind-indexes.json': '[]' });
    expect((await pass(PAGES, cache, env)).result.checkRestored).toBe(true);

    const linking = { ...PAGES, 'index.html': PAGES['index.html']?.replace('</main>', '<a href="pagefind/pagefind-entry.json">index</a></main>') ?? '' };
    const extra = { 'pagefind/pagefind-entry.json': '{}' };
    await pass(linking, cache, env, extra);
    expect((await pass(linking, cache, env, extra)).result.checkRestored).toBe(false);
  }, 60_000);

  it('checks afresh when the link lock or LINKS_LOCK_CHECK changed', async () => {
    const content = contentFolder('content-b');
    const cache = path.join(tmp, 'cache-b');
    const off = await pass(PAGES, cache, { SITE_CONTENT_DIR: content, LINKS_LOCK_CHECK: 'off' });
    expect(off.result.check.notes).toContain('link lock not checked (LINKS_LOCK_CHECK=off)');
    const on = await pass(PAGES, cache, { SITE_CONTENT_DIR: content, LINKS_LOCK_CHECK: '' });
    expect(on.result.checkRestored).toBe(false);
    expect(on.result.check.warnings.join('\n')).toMatch(/no link lock/);

    // A lock that names a target the pages no longer publish: the build must fail, not restore the last pass's success.
    writeLock(path.join(content, 'links.lock.json'), { version: 1, targets: [{ url: 'history/a.html', anchor: 'gone', kind: 'paragraph', title: 'Gone' }] });
    const locked = await pass(PAGES, cache, { SITE_CONTENT_DIR: content, LINKS_LOCK_CHECK: '' });
    expect(locked.result.checkRestored).toBe(false);
    expect(locked.result.check.failures.join('\n')).toMatch(/gone/);
    // A failed check is not kept: the same inputs check (and fail) again.
    const again = await pass(PAGES, cache, { SITE_CONTENT_DIR: content, LINKS_LOCK_CHECK: '' });
    expect(again.result.checkRestored).toBe(false);
    expect(again.result.check.failures).toEqual(locked.result.check.failures);
  }, 60_000);
});
