import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

/** Where Chromium is: $CHROME_PATH, else Debian's /usr/bin/chromium; undefined when neither exists. */
export function chromePath(): string | undefined {
  const candidate = process.env.CHROME_PATH || '/usr/bin/chromium';
  return fs.existsSync(candidate) ? candidate : undefined;
}

/**
 * Whether browser suites run. Without Chromium they are skipped with a loud message, except
 * when REQUIRE_BROWSER=1 (CI), where a missing browser is an error.
 */
export function browserAvailable(): boolean {
  if (chromePath()) return true;
  if (process.env.REQUIRE_BROWSER === '1') {
    throw new Error('REQUIRE_BROWSER=1 but no Chromium at $CHROME_PATH or /usr/bin/chromium: install it (apt-get install -y chromium).');
  }
  console.warn('\n*** Browser suites SKIPPED: no Chromium at $CHROME_PATH or /usr/bin/chromium. Install it or set CHROME_PATH. ***\n');
  return false;
}

/** Launches headless Chromium with the flags this machine needs (no network of its own). */
export function launchBrowser(): Promise<Browser> {
  const executablePath = chromePath();
  if (!executablePath) throw new Error('No Chromium found');
  return chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
}

const AXE = fs.readFileSync(path.resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');

/**
 * axe-core violations on the page, one line each (rule, help, targets). Injected through the
 * DevTools protocol, which the page's CSP (no inline scripts) does not govern.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: { id: string; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`);
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json',
  '.xml': 'application/xml', '.txt': 'text/plain; charset=utf-8', '.wasm': 'application/wasm', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.pf_meta': 'application/octet-stream', '.pf_fragment': 'application/octet-stream', '.pf_index': 'application/octet-stream', '.pagefind': 'application/octet-stream',
};

/** A static server on 127.0.0.1 serving `root` under `prefix` (e.g. '/any/prefix/'), like a plain static host. */
export async function serveStatic(root: string, prefix = '/'): Promise<{ origin: string; base: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(prefix)) {
      res.writeHead(404).end('not found');
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(prefix.length));
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = path.join(root, rel);
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      const notFound = path.join(root, '404.html');
      res.writeHead(404, { 'content-type': TYPES['.html'] ?? 'text/html' });
      res.end(fs.existsSync(notFound) ? fs.readFileSync(notFound) : 'not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    res.end(fs.readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return { origin, base: `${origin}${prefix}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/**
 * axe's colour-contrast rule on the page as it stands now (hovered, focused…): the violations,
 * one line each, and how many elements matching `selector` axe checked and passed, so a caller
 * can tell "no violation" from "nothing of interest was checked".
 */
export async function contrastCheck(page: Page, selector: string): Promise<{ violations: string[]; passed: number }> {
  await page.evaluate(AXE);
  return page.evaluate(async (wanted) => {
    type Node = { target: string[]; any: { message: string }[] };
    const axe = (window as unknown as { axe: { run: (c: Element, o: object) => Promise<{ violations: { nodes: Node[] }[]; passes: { nodes: Node[] }[] }> } }).axe;
    const result = await axe.run(document.querySelector('main') ?? document.documentElement, { runOnly: ['color-contrast'] });
    const matches = (n: Node) => {
      const el = document.querySelector(n.target.join(' '));
      return el !== null && (el.matches(wanted) || el.closest(wanted) !== null);
    };
    return {
      violations: result.violations.flatMap((v) => v.nodes.map((n) => `${n.target.join(' ')}: ${n.any[0]?.message ?? ''}`)),
      passed: result.passes.flatMap((p) => p.nodes).filter(matches).length,
    };
  }, selector);
}

/** What {@link serveStatic} returns. */
export type StaticServer = Awaited<ReturnType<typeof serveStatic>>;

/**
 * Inside a `describe`: one Chromium and one static server of `root()` (under `prefix`) for the
 * whole block, started before its tests and closed after them. Read `.browser` and `.server` in tests.
 */
export function browserAndServer(root: () => string, prefix = '/'): { readonly browser: Browser; readonly server: StaticServer } {
  const held = {} as { browser: Browser; server: StaticServer };
  beforeAll(async () => {
    [held.browser, held.server] = await Promise.all([launchBrowser(), serveStatic(root(), prefix)]);
  });
  afterAll(async () => {
    await held.browser?.close();
    await held.server?.close();
  });
  return held;
}
