/**
 * The site pass (src/site-pass/): the build hands it each page as it renders; in a worker thread
 * it reads them once for search and the link checks, feeds Pagefind, and finishes when the build
 * is done. Here it runs for real (worker thread and Pagefind) on a few hand-made pages.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PagePath } from '../../src/lib/urls.ts';
import { listFiles } from '../../src/links/scan-site.ts';
import { SitePass } from '../../src/site-pass/handle.ts';
import { fallbackIndexIn } from '../helpers/site-pass.ts';
import { tempBuildRoot } from '../helpers/temp-build.ts';

const section = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title><meta name="description" content="About ${title}."></head>` +
  `<body><main><article data-pagefind-body><h1>${title}</h1>${body}</article></main></body></html>`;

describe('site pass', () => {
  const out = tempBuildRoot('site-pass');
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  const pages: Record<string, string> = {
    'history/a.html': section('Alpha', '<h2 id="talks">Talks <a href="#talks">#</a></h2><p id="p-1">Arms talks resumed. <a href="#p-1">#</a> <a href="b.html#p-2">see</a></p>'),
    'history/b.html': section('Beta', '<p id="p-2">Sanctions followed. <a href="#p-2">#</a></p>'),
    // Written to disk only, as if the middleware had not seen it: still read, and its broken link found.
    'extra.html': '<!doctype html><html><head><title>Extra</title></head><body><main><p><a href="history/a.html#nowhere">broken</a></p></main></body></html>',
  };
  for (const [file, html] of Object.entries(pages)) {
    fs.mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
    fs.writeFileSync(path.join(out, file), html);
  }

  it('reads pages as they come, reads the rest from disk, and writes the indexes and links.json', async () => {
    const pass = new SitePass(out);
    pass.order(['history/a.html', 'history/b.html'] as PagePath[]);
    // Out of render order: Pagefind still gets them in the order given.
    const bytes = (file: string) => new TextEncoder().encode(pages[file] ?? '');
    pass.page('history/b.html' as PagePath, bytes('history/b.html'));
    pass.page('history/a.html' as PagePath, bytes('history/a.html'));
    const result = await pass.finish(out, listFiles(out), { ...process.env, LINKS_LOCK_CHECK: 'off' });

    expect(result.readWhileRendering).toBe(2);
    expect(result.readAtEnd).toBe(1);
    expect(result.pagefind.pages).toBe(2);
    expect(fs.existsSync(path.join(out, 'pagefind', 'pagefind.js'))).toBe(true);
    expect(fs.existsSync(path.join(out, 'pagefind', 'pagefind-ui.js'))).toBe(false);
    expect(result.fallback.pages).toBe(2);
    const fallback = fallbackIndexIn(out);
    expect(fallback.pages.map((p) => [p.u, p.t, p.s])).toEqual([['history/a.html', 'Alpha', 'About Alpha.'], ['history/b.html', 'Beta', 'About Beta.']]);
    expect(fallback.pages[1]?.h).toEqual([['', 'Beta', 'beta sanctions followed']]);

    const links = JSON.parse(fs.readFileSync(path.join(out, 'links.json'), 'utf8')) as { targets: { url: string; anchor: string | null }[] };
    expect(links.targets.map((t) => `${t.url}#${t.anchor ?? ''}`)).toEqual(['extra.html#', 'history/a.html#', 'history/a.html#talks', 'history/a.html#p-1', 'history/b.html#', 'history/b.html#p-2']);
    expect(result.check.failures.join('\n')).toContain('extra.html: a[href] "history/a.html#nowhere"');
    expect(result.check.pages).toBe(3);
  }, 60_000);

  it('fails with the cause when the worker cannot finish, e.g. a listed page that is not there', async () => {
    const pass = new SitePass(out);
    pass.order([]);
    await expect(pass.finish(out, ['missing.html'], { ...process.env, LINKS_LOCK_CHECK: 'off' })).rejects.toThrow(/ENOENT.*missing\.html/);
  }, 60_000);
});
