/**
 * `npm run dev` as an editor uses it: started on a copy of the content (SITE_CONTENT_DIR), it
 * serves a section page; after the section's file is edited, the page shows the edit. Only what
 * a reader sees is checked (the page's text, parsed), not how sections are loaded.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devServerTurn } from '../helpers/dev-server-turn.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const SECTION = 'history/revolution-and-recognition';
const STARTUP_MS = 120_000;
const RELOAD_MS = 60_000;
let work = '';
let content = '';
let server: ChildProcess | undefined;
let base = '';
let log = '';
let releaseTurn: ((serverPid?: number) => Promise<void>) | undefined;

/** The environment a user's shell has: without what Vitest sets for its workers (NODE_ENV=test, VITEST*), which change how Vite serves. */
function userEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'NODE_ENV' && k !== 'TEST'));
}

/** A port nobody listens on now: the OS picks it. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

/** Polls `check` until it returns a value (not undefined), or fails after `ms` with the server's log. */
async function poll<T>(what: string, ms: number, check: () => Promise<T | undefined>): Promise<T> {
  const until = Date.now() + ms;
  let last = '';
  for (;;) {
    const value = await check().catch((error: Error) => {
      last = `${error.message} ${String((error.cause as Error | undefined)?.message ?? '')}`;
      return undefined;
    });
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`${what}: not seen within ${ms / 1000} s (last error: ${last || 'none'}). Dev server output:\n${log.slice(-4000)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** The section page as served, parsed: its heading and its source paragraphs' text. */
async function sectionPage(): Promise<cheerio.CheerioAPI | undefined> {
  const response = await fetch(`${base}${SECTION}.html`, { signal: AbortSignal.timeout(30_000) });
  if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
  return cheerio.load(await response.text());
}

beforeAll(async () => {
  releaseTurn = await devServerTurn();
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'dev-server-'));
  content = path.join(work, 'content');
  fs.cpSync(path.join(ROOT, 'content'), content, { recursive: true });
  const port = await freePort();
  base = `http://127.0.0.1:${port}/`;
  // Its own process group, so afterAll ends npm and the Astro process under it together.
  server = spawn('npm', ['run', 'dev', '--silent', '--', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: ROOT,
    env: { ...userEnv(), SITE_CONTENT_DIR: content, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  server.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  await poll('the dev server serving the section', STARTUP_MS, sectionPage);
  // Waiting for another test file's dev server to end comes first (tests/helpers/dev-server-turn.ts).
}, 360_000 + STARTUP_MS + 10_000);

afterAll(async () => {
  if (server?.pid) {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  await releaseTurn?.(server?.pid);
  if (work) fs.rmSync(work, { recursive: true, force: true });
}, 30_000);

describe('npm run dev', () => {
  it('serves the section page with its title and source text', async () => {
    const $ = await sectionPage();
    expect($?.('h1').text()).toContain('Bolshevik Revolution');
    // Every paragraph anchor the file declares is on the page.
    const ids = [...fs.readFileSync(path.join(content, 'sections', `${SECTION}.mdx`), 'utf8').matchAll(/\{\/\* #(p-[a-z0-9-]+)/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(1);
    for (const id of ids) expect($?.(`main .source-text p[id="${id}"]`).length, id).toBe(1);
  });

  it('shows an edit to the section file without a restart', async () => {
    const file = path.join(content, 'sections', `${SECTION}.mdx`);
    const sentence = 'An editor added this sentence while the dev server ran.';
    fs.appendFileSync(file, `\n${sentence} {/* #p-editor-added */}\n`);
    const text = await poll('the edited paragraph', RELOAD_MS, async () => {
      const $ = await sectionPage();
      const added = $?.('#p-editor-added');
      return added?.length ? added.text() : undefined;
    });
    expect(text).toContain(sentence);
  }, RELOAD_MS + 10_000);
});
