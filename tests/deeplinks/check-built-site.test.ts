import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkBuiltSite } from '../../src/links/check-built-site.ts';
import { publishedLinksFile } from '../../src/links/published-links-cache.ts';
import v8 from 'node:v8';
import { scanSite } from '../../src/links/scan-site.ts';

/**
 * checkBuiltSite on small hand-made sites: it is what fails a build on a broken link or a lost
 * locked target. Each page is written by hand here, so the expectations do not come from the
 * code under test.
 */
let root = '';
let site = '';
let content = '';
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'check-built-site-'));
  site = path.join(root, 'dist');
  content = path.join(root, 'content');
  fs.mkdirSync(path.join(site, 'history'), { recursive: true });
  fs.mkdirSync(content);
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const page = (title: string, main: string) => `<!doctype html><html lang="en"><head><title>${title}</title></head><body><main id="main">${main}</main></body></html>`;
const section = (headingId: string) =>
  page('Recognition', `<h2 id="${headingId}">Relations resumed <a href="#${headingId}" data-editorial>#</a></h2><p id="p-talks">The talks went on. <a href="#p-talks" data-editorial>¶</a></p>`);
function writeSite(pages: Record<string, string>): void {
  for (const [file, html] of Object.entries(pages)) fs.writeFileSync(path.join(site, file), html);
}
function writeLock(targets: object[]): string {
  const file = path.join(content, 'links.lock.json');
  fs.writeFileSync(file, JSON.stringify({ version: 1, targets }));
  return file;
}
const env = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({ SITE_CONTENT_DIR: content, ...extra });
const locked = [
  { url: 'history/recognition.html', anchor: null, kind: 'page', title: 'Recognition' },
  { url: 'history/recognition.html', anchor: 'relations-resumed', kind: 'heading', title: 'Relations resumed' },
  { url: 'index.html', anchor: null, kind: 'page', title: 'Home' },
];

describe('checkBuiltSite', () => {
  it('with a cache folder, writes the kept links.json, schema and objects.inv for the same targets, and makes them again when a target changed', () => {
    const cache = path.join(root, 'cache');
    const published = ['links.json', 'links.schema.json', 'objects.inv'];
    const bytes = () => published.map((f) => fs.readFileSync(path.join(site, f)));
    const build = (headingId: string, withCache: boolean) => {
      writeSite({ 'index.html': page('Home', '<a href="history/recognition.html">r</a>'), 'history/recognition.html': section(headingId) });
      for (const f of published) fs.rmSync(path.join(site, f), { force: true });
      expect(checkBuiltSite(scanSite(site), env({ LINKS_LOCK_CHECK: 'off' }), withCache ? cache : undefined).failures).toEqual([]);
      return bytes();
    };
    const clean = build('relations-resumed', false);
    expect(build('relations-resumed', true)).toEqual(clean);
    expect(fs.existsSync(publishedLinksFile(cache))).toBe(true);

    // The kept bytes are what a build with the same targets writes: mark them to see it.
    const keptFile = publishedLinksFile(cache);
    const kept = v8.deserialize(fs.readFileSync(keptFile)) as { key: string; files: [string, Uint8Array][] };
    fs.writeFileSync(keptFile, v8.serialize({ ...kept, files: kept.files.map(([f, b]) => [f, f === 'links.json' ? Buffer.from('kept') : b]) }));
    expect(build('relations-resumed', true)[0]?.toString()).toBe('kept');

    // A heading's id changed: a target changed, so the files are made again, as without a cache.
    const cleanRenamed = build('relations-restored', false);
    expect(cleanRenamed).not.toEqual(clean);
    expect(build('relations-restored', true)).toEqual(cleanRenamed);
  });

  it('passes a site where every link resolves and every locked target is there, and writes links.json', () => {
    writeSite({ 'index.html': page('Home', '<a href="history/recognition.html#p-talks">talks</a>'), 'history/recognition.html': section('relations-resumed') });
    writeLock(locked);
    const result = checkBuiltSite(scanSite(site), env());
    expect(result.failures).toEqual([]);
    expect(result).toMatchObject({ pages: 2, links: 3, targets: 4 });
    const written = JSON.parse(fs.readFileSync(path.join(site, 'links.json'), 'utf8')) as { targets: { url: string; anchor: string | null }[] };
    expect(written.targets.map((t) => (t.anchor ? `${t.url}#${t.anchor}` : t.url))).toEqual(['history/recognition.html', 'history/recognition.html#relations-resumed', 'history/recognition.html#p-talks', 'index.html']);
    expect(result.notes).toEqual(['1 new link target not in the lock yet: run npm run links:lock when you publish them.']);
  });

  it('fails on a lost locked heading alone, naming the target, the lock file and both fixes', () => {
    writeSite({ 'index.html': page('Home', '<a href="history/recognition.html">r</a>'), 'history/recognition.html': section('relations-restored') });
    const file = writeLock(locked);
    const result = checkBuiltSite(scanSite(site), env());
    expect(result.failures).toHaveLength(1);
    const [report = ''] = result.failures;
    expect(report).not.toContain('broken internal link');
    expect(report.split('\n')).toEqual([
      `1 published link target recorded in ${file} no longer resolves:`,
      '- history/recognition.html#relations-resumed (heading “Relations resumed”) has no element with that id any more.',
      '  To keep it: the words now have the id #relations-restored: end that heading with {/* #relations-restored relations-resumed */} so the old id stays as an alias.',
      "  To drop it on purpose: npm run links:lock -- --drop 'history/recognition.html#relations-resumed'",
    ]);
  });

  it('fails on a lost locked page, counting the anchors that went with it', () => {
    writeSite({ 'index.html': page('Home', '') });
    writeLock(locked);
    const [report = ''] = checkBuiltSite(scanSite(site), env()).failures;
    expect(report).toContain('history/recognition.html (page “Recognition”) is gone, and 1 locked heading and paragraph link on it.');
    expect(report).toContain("npm run links:lock -- --drop 'history/recognition.html'");
  });

  it('reports a broken link and a lost target as two failures', () => {
    writeSite({ 'index.html': page('Home', '<a href="history/recognition.html#nope">x</a>'), 'history/recognition.html': section('other') });
    writeLock(locked);
    const { failures } = checkBuiltSite(scanSite(site), env());
    expect(failures).toHaveLength(2);
    expect(failures[0]).toMatch(/^1 broken internal link in 1 page:\n- index\.html: a\[href\] "history\/recognition\.html#nope"/);
    expect(failures[1]).toContain('history/recognition.html#relations-resumed');
  });

  it('only warns without a lock, and skips the lock with LINKS_LOCK_CHECK=off', () => {
    writeSite({ 'index.html': page('Home', ''), 'history/recognition.html': section('x') });
    const unlocked = checkBuiltSite(scanSite(site), env());
    expect(unlocked.failures).toEqual([]);
    expect(unlocked.warnings).toEqual([`no link lock at ${path.join(content, 'links.lock.json')}: run npm run links:lock to record the targets this build publishes.`]);
    writeLock(locked);
    const off = checkBuiltSite(scanSite(site), env({ LINKS_LOCK_CHECK: 'off' }));
    expect(off.failures).toEqual([]);
    expect(off.notes).toEqual(['link lock not checked (LINKS_LOCK_CHECK=off)']);
  });
});
