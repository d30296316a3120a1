import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { landingPage } from '../../src/links/landing-page.ts';
import { addToLock, checkLock, dropFromLock, lockFile, readLock, targetKey, writeLock } from '../../src/links/lock.ts';
import { scanSite } from '../../src/links/scan-site.ts';
import type { PagePath } from '../../src/lib/urls.ts';
import { linksJsonSchema, type LinksLock } from '../../src/schemas/links.ts';
import { browserAvailable, launchBrowser, serveStatic } from '../helpers/browser.ts';
import { siteDir, sourceTextOf } from '../helpers/site.ts';
import { buildSite, tempBuildRoot } from '../helpers/temp-build.ts';
import { javaAvailable, validateHtml } from '../helpers/vnu.ts';

const projectRoot = path.resolve(import.meta.dirname, '../..');
const seedTargets = () => linksJsonSchema.parse(JSON.parse(fs.readFileSync(path.join(siteDir(), 'links.json'), 'utf8'))).targets;

/**
 * The promise of the lock, shown on a copy of the content built once: every seed target is
 * locked, then (A) a published heading loses its id with no alias, and (B) a section is renamed
 * and its heading given a new id, both keeping the old ones as aliases. Nothing else is wrong with
 * the content, so the build must fail on the lock alone, naming A only, and B's old link must land
 * on the same words. (A broken fragment's report is tested in link-check.test.ts.)
 */
describe('link lock on an edited copy of the content', () => {
  let tmp = '';
  let out = '';
  let output = '';
  let status: number | null = null;
  let lock: LinksLock;

  beforeAll(() => {
    tmp = tempBuildRoot('deeplinks-lock');
    const content = path.join(tmp, 'content');
    fs.cpSync(path.join(projectRoot, 'content'), content, { recursive: true });
    lock = addToLock(null, seedTargets()).lock;
    writeLock(lockFile(content), lock);

    const edit = (file: string, from: string | RegExp, to: string) => {
      const abs = path.join(content, 'sections', file);
      const text = fs.readFileSync(abs, 'utf8');
      const next = text.replace(from, to);
      if (next === text) throw new Error(`fixture edit found nothing to replace in ${file}: ${String(from)}`);
      fs.writeFileSync(abs, next);
    };
    // A: a published heading id vanishes, no alias.
    edit('history/revolution-and-recognition.mdx', '## Relations resumed {/* #relations-resumed */}', '## Relations restored {/* #relations-restored */}');
    // B: the section gets a new slug (old one in aliases) and its heading a new id (old one kept).
    edit('cooperation/missile-defence.mdx', 'topic: cooperation\n', 'topic: cooperation\naliases:\n- missile-defence\n');
    edit('cooperation/missile-defence.mdx', '## The Lisbon Summit {/* #lisbon-summit */}', '## The Lisbon Summit {/* #lisbon-summit-2010 lisbon-summit */}');
    fs.renameSync(path.join(content, 'sections/cooperation/missile-defence.mdx'), path.join(content, 'sections/cooperation/theatre-missile-defence.mdx'));
    for (const file of fs.readdirSync(path.join(content, 'sections'), { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.mdx')) continue;
      const abs = path.join(content, 'sections', file);
      fs.writeFileSync(abs, fs.readFileSync(abs, 'utf8').replace(/cooperation\/missile-defence$/gm, 'cooperation/theatre-missile-defence'));
    }

    out = path.join(tmp, 'dist');
    // The build fails (that is the point), so its pages are kept for inspection with SITE_FAILED_DIR.
    ({ status, output } = buildSite(path.join(tmp, 'unused-dist'), { SITE_CONTENT_DIR: content, SOURCE_DATE_EPOCH: '1700000000', NO_COLOR: '1', SITE_FAILED_DIR: out }));
  });
  afterAll(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('fails the build, naming the vanished heading, how to keep it and how to drop it', () => {
    expect(status).not.toBe(0);
    expect(output).toContain('1 published link target recorded in');
    expect(output).toContain('history/revolution-and-recognition.html#relations-resumed (heading “Relations resumed”) has no element with that id any more.');
    expect(output).toContain('To keep it: end the heading that now holds these words with {/* #relations-resumed */} to keep its id, or with {/* #<new-id> relations-resumed */}');
    expect(output).toContain("To drop it on purpose: npm run links:lock -- --drop 'history/revolution-and-recognition.html#relations-resumed'");
  });

  it('fails the build on the lock alone: no broken link, only the lost target', () => {
    expect(status).toBe(1);
    expect(output).not.toContain('broken internal link');
    expect(output.match(/no longer resolves?:/g)).toHaveLength(1);
  });

  it('finds nothing else missing: the renamed section and heading keep their old links through aliases', () => {
    expect(checkLock(lock, scanSite(out)).map((p) => targetKey(p.target))).toEqual(['history/revolution-and-recognition.html#relations-resumed']);
  });

  it('puts an alias page at the old URL with a refresh, a canonical link, a visible link and noindex', () => {
    const $ = cheerio.load(fs.readFileSync(path.join(out, 'cooperation/missile-defence.html'), 'utf8'));
    expect($('meta[http-equiv="refresh"]').attr('content')).toBe('0; url=theatre-missile-defence.html');
    expect($('link[rel="canonical"]').attr('href')).toBe('theatre-missile-defence.html');
    expect($('meta[name="robots"]').attr('content')).toBe('noindex');
    expect($('main a[href="theatre-missile-defence.html"]').text()).toBe('Theatre missile defence');
    const script = $('head script[src$="alias-redirect.js"]').attr('src');
    expect(script).toBe('../assets/alias-redirect.js');
    expect(fs.existsSync(path.join(out, 'assets/alias-redirect.js'))).toBe(true);
  });

  it('lands the old link on the same words: the old id sits at the start of the renamed heading', () => {
    const landing = landingPage(scanSite(out), 'cooperation/missile-defence.html' as PagePath);
    expect(landing?.path).toBe('cooperation/theatre-missile-defence.html');
    const $ = cheerio.load(fs.readFileSync(path.join(out, 'cooperation/theatre-missile-defence.html'), 'utf8'));
    const old = $('#lisbon-summit');
    expect(old.length).toBe(1);
    expect(old.is('span[data-editorial]:empty')).toBe(true);
    const heading = old.parent();
    expect(heading.is('h2#lisbon-summit-2010')).toBe(true);
    expect(heading.children().first().is(old)).toBe(true);
    expect(sourceTextOf($, heading)).toBe('The Lisbon Summit');
  });

  const java = javaAvailable();
  it.runIf(java !== undefined)('writes valid HTML for the alias page and the heading with an alias', () => {
    const files = ['cooperation/missile-defence.html', 'cooperation/theatre-missile-defence.html'].map((f) => path.join(out, f));
    for (const file of files) expect(fs.existsSync(file), file).toBe(true);
    expect(validateHtml(java ?? 'java', files).map((m) => `${m.url}:${m.lastLine}: ${m.message}`)).toEqual([]);
  });

  it('lists the new page in links.json and leaves the alias page out', () => {
    const { targets } = linksJsonSchema.parse(JSON.parse(fs.readFileSync(path.join(out, 'links.json'), 'utf8')));
    const urls = new Set(targets.map((t) => t.url));
    expect(urls.has('cooperation/theatre-missile-defence.html')).toBe(true);
    expect(urls.has('cooperation/missile-defence.html')).toBe(false);
    expect(targets.find((t) => t.anchor === 'lisbon-summit-2010')?.title).toBe('The Lisbon Summit');
    // The old page and the heading's earlier id are published as aliases of the target they land on.
    expect(targets.find((t) => t.anchor === 'lisbon-summit-2010')?.aliases).toEqual(['cooperation/theatre-missile-defence.html#lisbon-summit', 'cooperation/missile-defence.html#lisbon-summit-2010']);
    expect(targets.find((t) => t.url === 'cooperation/theatre-missile-defence.html' && t.anchor === null)?.aliases).toEqual(['cooperation/missile-defence.html']);
  });

  it('dates citations from SOURCE_DATE_EPOCH, so the build is reproducible', () => {
    const $ = cheerio.load(fs.readFileSync(path.join(out, 'history/revolution-and-recognition.html'), 'utf8'));
    expect($('#cite-text').text()).toContain('Accessed 14 November 2023.');
  });

  it.runIf(browserAvailable())('keeps the #fragment when a browser follows the alias page', async () => {
    const server = await serveStatic(out, '/any/prefix/');
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(`${server.base}cooperation/missile-defence.html#lisbon-summit`);
      await page.waitForURL(/theatre-missile-defence\.html#lisbon-summit$/);
      expect(await page.locator('#lisbon-summit').count()).toBe(1);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});

describe('lock file', () => {
  const lock: LinksLock = {
    version: 1,
    targets: [
      { url: 'a.html', anchor: null, kind: 'page', title: 'A' },
      { url: 'a.html', anchor: 'x', kind: 'heading', title: 'X' },
      { url: 'b.html', anchor: null, kind: 'page', title: 'B' },
    ],
  };

  it('only adds: known targets keep their first title, new ones are appended', () => {
    const { lock: next, added } = addToLock(lock, [
      { url: 'a.html', anchor: 'x', kind: 'heading', title: 'X renamed', topic: null, aliases: [] },
      { url: 'c.html', anchor: null, kind: 'page', title: 'C', topic: null, aliases: [] },
    ]);
    expect(added.map(targetKey)).toEqual(['c.html']);
    expect(next.targets.find((t) => t.anchor === 'x')?.title).toBe('X');
    expect(next.targets).toHaveLength(4);
  });

  it("locks a target's aliases too: an old URL, once published, must keep landing", () => {
    const { added } = addToLock(null, [{ url: 'new.html', anchor: 'h', kind: 'heading', title: 'H', topic: null, aliases: ['old.html#h', 'new.html#older-h'] }]);
    expect(added.map(targetKey)).toEqual(['new.html#h', 'old.html#h', 'new.html#older-h']);
    expect(added.every((t) => t.title === 'H' && t.kind === 'heading')).toBe(true);
  });

  it('drops an anchor, or a page with all its anchors, and names what it does not know', () => {
    expect(dropFromLock(lock, ['a.html#x']).lock.targets.map(targetKey)).toEqual(['a.html', 'b.html']);
    expect(dropFromLock(lock, ['a.html']).lock.targets.map(targetKey)).toEqual(['b.html']);
    expect(dropFromLock(lock, ['z.html#q']).unknown).toEqual(['z.html#q']);
  });

  it('npm run links:lock records a built site, and --drop removes a page with its anchors', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deeplinks-cli-'));
    const run = (...args: string[]) =>
      spawnSync('npm', ['run', 'links:lock', '--silent', '--', ...args], { cwd: projectRoot, env: { ...process.env, SITE_CONTENT_DIR: dir }, encoding: 'utf8' });
    try {
      const recorded = run('--from', siteDir());
      expect(recorded.status, recorded.stderr).toBe(0);
      const count = seedTargets().length;
      expect(recorded.stdout).toContain(`${count} new targets added, ${count} in all.`);
      expect(readLock(lockFile(dir))?.targets.map(targetKey).sort()).toEqual(seedTargets().map(targetKey).sort());

      const dropped = run('--drop', 'history/revolution-and-recognition.html');
      expect(dropped.status, dropped.stderr).toBe(0);
      expect(readLock(lockFile(dir))?.targets.filter((t) => t.url === 'history/revolution-and-recognition.html')).toEqual([]);
      expect(run('--check', '--from', siteDir()).status).toBe(0);

      // A locked target the build no longer has: --check exits 1, names it and its fix, and changes no lock.
      const lost = { url: 'history/revolution-and-recognition.html', anchor: 'a-heading-since-removed', kind: 'heading', title: 'A heading since removed' } as const;
      writeLock(lockFile(dir), { version: 1, targets: [...(readLock(lockFile(dir))?.targets ?? []), lost] });
      const lockBefore = fs.readFileSync(lockFile(dir), 'utf8');
      const checked = run('--check', '--from', siteDir());
      expect(checked.status).toBe(1);
      expect(checked.stderr).toContain("history/revolution-and-recognition.html#a-heading-since-removed (heading “A heading since removed”) has no element with that id any more.");
      expect(checked.stderr).toContain("npm run links:lock -- --drop 'history/revolution-and-recognition.html#a-heading-since-removed'");
      expect(fs.readFileSync(lockFile(dir), 'utf8')).toBe(lockBefore);

      const unknown = run('--drop', 'nope.html');
      expect(unknown.status).toBe(1);
      expect(unknown.stderr).toContain('Not in');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('round-trips through the file, sorted, and rejects a malformed lock naming the field', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deeplinks-lockfile-'));
    try {
      const file = lockFile(dir);
      expect(readLock(file)).toBeNull();
      writeLock(file, { version: 1, targets: [...lock.targets].reverse() });
      expect(readLock(file)).toEqual(lock);
      fs.writeFileSync(file, JSON.stringify({ version: 1, targets: [{ url: '/a.html', anchor: null, kind: 'page', title: 'A' }] }));
      expect(() => readLock(file)).toThrow(/targets\.0\.url: expected a path relative to the site root/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
