/**
 * The built site in Chromium, the way people host it offline: served under a sub-path, opened
 * from disk, searched, and read with JavaScript off. One browser for the whole file.
 */
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, browserAvailable, launchBrowser, serveStatic } from '../helpers/browser.ts';
import { sectionPages, siteDir, siteFiles } from '../helpers/site.ts';

const PREFIX = '/any/prefix/';

/** Queries a reader might type, and the section each must find (written from the source text, not the index). */
const SEARCHES: readonly { query: string; expect: string }[] = [
  { query: 'Litvinov', expect: 'history/revolution-and-recognition.html' },
  { query: 'helicopter maintenance', expect: 'cooperation/afghanistan.html' },
  { query: 'MH17', expect: 'nato-stance/mh17.html' },
  { query: 'UNODC', expect: 'cooperation/counter-narcotics.html' },
  { query: '9M729', expect: 'nato-stance/hybrid-actions-and-9m729.html' },
  { query: 'Abkhazia', expect: 'nato-stance/georgia-and-moldova.html' },
];

/** What went wrong while a page loaded: failed or foreign requests, console errors, script errors. */
interface Trouble {
  failed: string[];
  foreign: string[];
  consoleErrors: string[];
  pageErrors: string[];
}

function watch(page: Page, allowedOrigin: string | null): Trouble {
  const trouble: Trouble = { failed: [], foreign: [], consoleErrors: [], pageErrors: [] };
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:')) return;
    const ok = allowedOrigin === null ? url.startsWith('file:') : new URL(url).origin === allowedOrigin;
    if (!ok) trouble.foreign.push(url);
  });
  page.on('requestfailed', (request) => trouble.failed.push(`${request.url()} (${request.failure()?.errorText ?? 'failed'})`));
  page.on('response', (response) => {
    if (response.status() >= 400) trouble.failed.push(`${response.url()} (HTTP ${response.status()})`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') trouble.consoleErrors.push(`${message.text()} at ${message.location().url}`);
  });
  page.on('pageerror', (error) => trouble.pageErrors.push(error.message));
  return trouble;
}

/** Waits until search.js has finished (its status no longer says "Searching"). */
async function searchSettled(page: Page): Promise<string> {
  await page.waitForFunction(() => {
    const status = document.getElementById('search-status')?.textContent ?? '';
    return status !== '' && !status.startsWith('Searching');
  });
  return (await page.locator('#search-status').textContent()) ?? '';
}

async function resultUrls(page: Page): Promise<string[]> {
  return page.locator('#search-results > li > h2 > a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
}

describe.runIf(browserAvailable())('offline and portable, in Chromium', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveStatic>>;
  let dir: string;
  let fileBase: string;

  beforeAll(async () => {
    dir = siteDir();
    fileBase = pathToFileURL(`${dir}/`).href;
    [browser, server] = await Promise.all([launchBrowser(), serveStatic(dir, PREFIX)]);
  });
  afterAll(async () => {
    await server?.close();
    await browser?.close();
  });

  /** One page of each kind, as a path from the site root. */
  function pageKinds(): Record<string, string> {
    const files = siteFiles(['.html'], dir);
    const pick = (re: RegExp) => {
      const found = files.find((f) => re.test(f));
      if (!found) throw new Error(`No built page matches ${re}`);
      return found;
    };
    const section = sectionPages(dir)[0];
    if (!section) throw new Error('No section page was built');
    return {
      home: 'index.html',
      topic: 'history.html',
      section,
      entity: pick(/^entities\/[^/]+\.html$/),
      entities: 'entities.html',
      timeline: 'timeline.html',
      source: pick(/^sources\/[^/]+\.html$/),
      search: 'search.html?q=treaty',
      notFound: '404.html',
    };
  }

  it('serves every kind of page under a sub-path with no failed, foreign or erroring request and no axe violation', async () => {
    const context = await browser.newContext();
    const problems: string[] = [];
    for (const [kind, file] of Object.entries(pageKinds())) {
      const page = await context.newPage();
      const trouble = watch(page, server.origin);
      await page.goto(`${server.base}${file}`);
      if (kind === 'search') await searchSettled(page);
      else await page.waitForLoadState('load');
      const violations = await axeViolations(page);
      for (const [what, list] of Object.entries({ ...trouble, axe: violations })) {
        for (const item of list) problems.push(`${kind} (${file}) ${what}: ${item}`);
      }
      await page.close();
    }
    await context.close();
    expect(problems).toEqual([]);
  });

  it('serves 404.html for a missing deep URL with links that still reach real pages', async () => {
    const context = await browser.newContext();
    for (const missing of ['history/no-such-section.html', 'no-such-page.html']) {
      const page = await context.newPage();
      const trouble = watch(page, server.origin);
      const response = await page.goto(`${server.base}${missing}`);
      expect(response?.status()).toBe(404);
      await expect.poll(() => page.locator('.topic-nav a').first().getAttribute('href')).toBe(`${server.base}nato-stance.html`);
      expect(trouble.consoleErrors.filter((e) => !e.includes(missing)), missing).toEqual([]);
      expect(trouble.pageErrors).toEqual([]);
      expect(trouble.failed.filter((f) => !f.includes(missing))).toEqual([]);
      await page.locator('main a', { hasText: 'home page' }).click();
      await page.waitForURL(`${server.base}index.html`);
      await page.close();
    }
    // An unknown nested path: the script probes upward for the folder that holds 404.html.
    const page = await context.newPage();
    await page.goto(`${server.base}a/b/c/missing.html`);
    await expect.poll(() => page.locator('.site-name').getAttribute('href')).toBe(`${server.base}index.html`);
    await context.close();
  });

  it('finds sections for several queries, served, with sub-results deep-linking to headings', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const trouble = watch(page, server.origin);
    for (const { query, expect: wanted } of SEARCHES) {
      await page.goto(`${server.base}search.html?q=${encodeURIComponent(query)}`);
      const status = await searchSettled(page);
      expect(await resultUrls(page), `${query}: ${status}`).toContain(wanted);
      // Served, Pagefind itself answers: its fetches and WebAssembly run under the page's CSP.
      expect(await page.locator('#search-results').getAttribute('data-engine')).toBe('pagefind');
    }
    // The header search box submits to search.html?q=, results are links, and a sub-result lands on its heading.
    await page.goto(`${server.base}${sectionPages(dir)[0]}`);
    await page.locator('#site-search').fill('Minsk');
    await page.locator('#site-search').press('Enter');
    await page.waitForURL(/search\.html\?q=Minsk/);
    await searchSettled(page);
    const sub = page.locator('#search-results .search-result__subs a[href*="#"]').first();
    const href = (await sub.getAttribute('href')) ?? '';
    expect(href).toMatch(/^[a-z0-9-]+\/[a-z0-9-]+\.html#.+/);
    await sub.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.base}${href}`);
    const fragment = decodeURIComponent(href.split('#')[1] ?? '');
    expect(await page.locator(`[id="${fragment}"]`).isVisible()).toBe(true);
    expect(trouble).toEqual({ failed: [], foreign: [], consoleErrors: [], pageErrors: [] });
    await context.close();
  });

  it('falls back to the small index when Pagefind fails to load, and says how to fix it when both fail', async () => {
    const context = await browser.newContext();
    await context.route('**/pagefind/**', (route) => route.abort());
    const page = await context.newPage();
    await page.goto(`${server.base}search.html?q=Litvinov`);
    await searchSettled(page);
    expect(await page.locator('#search-results').getAttribute('data-engine')).toBe('offline');
    expect(await resultUrls(page)).toContain('history/revolution-and-recognition.html');

    await context.route('**/search-index.js', (route) => route.abort());
    await page.goto(`${server.base}search.html?q=Litvinov`);
    const status = await searchSettled(page);
    expect(status).toContain('Search is unavailable here');
    expect(status).toContain('python3 -m http.server');
    await context.close();
  });

  it('reads from file://: home -> topic -> section, fragment links land, no CSP or script error', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const trouble = watch(page, null);
    await page.goto(`${fileBase}index.html`);
    await page.locator('.topic-nav a', { hasText: /history/i }).first().click();
    await page.waitForURL(`${fileBase}history.html`);
    await page.locator('main a[href^="history/"]').first().click();
    await page.waitForURL(/\/history\/[^/]+\.html$/);
    expect(await page.locator('h1').textContent()).toBeTruthy();
    const tocLink = page.locator('main a[href^="#"]:not(.self-link)').first();
    const target = ((await tocLink.getAttribute('href')) ?? '').slice(1);
    await tocLink.click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#${target}`);
    expect(await page.locator(`[id="${decodeURIComponent(target)}"]`).isVisible()).toBe(true);
    // Styles are inlined, so the page is styled from disk too: the body takes the site's serif
    // stack (src/styles/global.css), not the browser's default font, and the text column its measure.
    const styled = await page.evaluate(() => ({ font: getComputedStyle(document.body).fontFamily, measure: getComputedStyle(document.querySelector('.prose') ?? document.body).maxWidth }));
    expect(styled.font).toMatch(/^"Iowan Old Style", Charter, /);
    expect(styled.measure).not.toBe('none');
    expect(trouble).toEqual({ failed: [], foreign: [], consoleErrors: [], pageErrors: [] });
    await context.close();
  });

  it('searches from file:// with the plain-script index, from the header box too', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const trouble = watch(page, null);
    for (const { query, expect: wanted } of SEARCHES) {
      await page.goto(`${fileBase}search.html?q=${encodeURIComponent(query)}`);
      const status = await searchSettled(page);
      expect(await resultUrls(page), `${query}: ${status}`).toContain(wanted);
      expect(await page.locator('#search-results').getAttribute('data-engine')).toBe('offline');
    }
    await page.goto(`${fileBase}${sectionPages(dir)[0]}`);
    await page.locator('#site-search').fill('Litvinov');
    await page.locator('#site-search').press('Enter');
    await page.waitForURL(/search\.html\?q=Litvinov$/);
    await searchSettled(page);
    await page.locator('#search-results .search-result__subs a').first().click();
    await page.waitForURL(`${fileBase}history/revolution-and-recognition.html#relations-resumed`);
    expect(trouble).toEqual({ failed: [], foreign: [], consoleErrors: [], pageErrors: [] });
    await context.close();
  });

  it('shows content and navigation on every kind of page with JavaScript disabled', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    for (const [kind, file] of Object.entries(pageKinds())) {
      await page.goto(`${server.base}${file}`);
      expect((await page.locator('main h1').textContent())?.trim(), kind).toBeTruthy();
      expect(await page.locator('.topic-nav a').count(), kind).toBe(4);
      expect(await page.locator('.topic-nav a').first().isVisible(), kind).toBe(true);
    }
    await page.goto(`${server.base}search.html?q=treaty`);
    expect(await page.locator('main').textContent()).toContain('Search needs JavaScript');
    await context.close();
  });
});
