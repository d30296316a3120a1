/**
 * The editor's server renders a section as the build does, and shows the project's own report: a section with a bad field in `npm run
 * dev` makes the page show the report (file, field, hint) in Astro's error overlay, in the
 * browser; fixing the file brings the page back.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { browserAvailable, launchBrowser } from '../helpers/browser.ts';
import { tempBuildRoot } from '../helpers/temp-build.ts';
import { devServerTurn } from '../helpers/dev-server-turn.ts';

const root = path.resolve(import.meta.dirname, '../..');
const run = browserAvailable();

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 120_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

describe.runIf(run)('npm run dev with a bad field', () => {
  const work = tempBuildRoot('dev-overlay');
  const content = path.join(work, 'content');
  const section = path.join(content, 'sections', 'nato-stance', 'mh17.mdx');
  let server: ChildProcess | undefined;
  let browser: Browser;
  let page: Page;
  let url = '';
  let log = '';
  let releaseTurn: ((serverPid?: number) => Promise<void>) | undefined;

  beforeAll(async () => {
    releaseTurn = await devServerTurn();
    fs.cpSync(path.join(root, 'content'), content, { recursive: true });
    const port = await freePort();
    url = `http://127.0.0.1:${port}/nato-stance/mh17.html`;
    server = spawn('npm', ['run', 'dev', '--', '--port', String(port), '--host', '127.0.0.1'], {
      cwd: root,
      // Not Vitest's own variables (NODE_ENV=test, VITEST…): the server runs as an editor starts it.
      env: { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'NODE_ENV' && k !== 'TEST')), SITE_CONTENT_DIR: content, ASTRO_TELEMETRY_DISABLED: '1' },
      detached: true,
    });
    server.stdout?.on('data', (d: Buffer) => (log += d.toString()));
    server.stderr?.on('data', (d: Buffer) => (log += d.toString()));
    await until('the dev server', async () => ((await fetch(url, { signal: AbortSignal.timeout(20_000) })).status === 200 ? true : undefined), 180_000).catch((error: Error) => {
      throw new Error(`${error.message}\n${log}`);
    });
    browser = await launchBrowser();
    page = await browser.newPage();
    // Waiting for another test file's dev server to end comes first (tests/helpers/dev-server-turn.ts).
  }, 360_000 + 240_000);

  afterAll(async () => {
    await browser?.close();
    try {
      if (server?.pid) process.kill(-server.pid, 'SIGTERM');
    } catch {
      // Already gone: the failure above says why.
    }
    await releaseTurn?.(server?.pid);
    fs.rmSync(work, { recursive: true, force: true });
  });

  const overlayText = () => page.evaluate(() => {
    const overlay = document.querySelector('vite-error-overlay');
    return overlay?.shadowRoot?.textContent ?? null;
  });

  it('renders a section the same in dev as in the build', async () => {
    // The copy of the content is the seed's, which the global setup built.
    const built = cheerio.load(fs.readFileSync(path.join(inject('siteDir'), 'nato-stance', 'mh17.html'), 'utf8'))('#text').html();
    const served = cheerio.load(await (await fetch(url)).text())('#text').html();
    expect(built?.length ?? 0).toBeGreaterThan(500);
    expect(served).toBe(built);
  });

  it('serves the section, then shows the report in the overlay, then the section again once fixed', async () => {
    await page.goto(url);
    expect(await page.locator('h1').first().textContent()).toContain('MH17');

    const good = fs.readFileSync(section, 'utf8');
    fs.writeFileSync(section, good.replace(/^summary:/m, 'sumary:'));
    const report = await until('the error overlay', async () => {
      await page.goto(url);
      // Vite's client shows the overlay once its socket connects, after the page's load event.
      await page.waitForSelector('vite-error-overlay', { state: 'attached', timeout: 8_000 }).catch(() => undefined);
      const text = await overlayText();
      return text?.includes('sumary') ? text : undefined;
    });
    expect(report).toContain('sections/nato-stance/mh17.mdx');
    expect(report).toContain('did you mean "summary"?');
    expect(report).not.toMatch(/at .*src\/content\/.*\.ts:\d+/);

    fs.writeFileSync(section, good);
    await until('the page to come back', async () => {
      await page.goto(url);
      return (await overlayText()) === null && (await page.locator('h1').first().textContent())?.includes('MH17') ? true : undefined;
    });
  }, 300_000);
});
