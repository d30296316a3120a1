/**
 * Reading the built site in Chromium (issue 7): no accessibility violation in either theme, no
 * sideways scrolling at 320 px, a theme choice that survives a reload, a table of contents that
 * follows the reader, link previews for keyboard users, and the sidebar shown or folded by width.
 * One browser for the whole file; each test opens its own context.
 */
import { describe, expect, it } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { axeViolations, browserAvailable, browserAndServer } from '../helpers/browser.ts';
import { siteDir } from '../helpers/site.ts';

const SECTION = 'nato-stance/mh17.html';
const ENTITY = 'entities/inf-treaty.html';
/** One page of every kind the site has. */
const EVERY_KIND = ['index.html', 'nato-stance.html', SECTION, 'history/revolution-and-recognition.html', ENTITY, 'entities.html', 'timeline.html', 'sources/russia-us-relations.html', 'search.html?q=treaty', '404.html'];

describe.runIf(browserAvailable())('reading in a browser', () => {
  const shared = browserAndServer(siteDir);

  /** A fresh page in a context with `options`, at `file` of the site. */
  async function open(file: string, options: BrowserContextOptions = {}): Promise<Page> {
    const context = await shared.browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
    const page = await context.newPage();
    await page.goto(`${shared.server.base}${file}`, { waitUntil: 'load' });
    return page;
  }

  for (const scheme of ['light', 'dark'] as const) {
    it(`finds no accessibility violation in the ${scheme} theme (home, section, entity)`, async () => {
      const context = await shared.browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: scheme });
      const page = await context.newPage();
      const found: string[] = [];
      for (const file of ['index.html', SECTION, ENTITY]) {
        await page.goto(`${shared.server.base}${file}`, { waitUntil: 'load' });
        // The theme really is the one asked for: the page background follows it.
        const dark = await page.evaluate(() => {
          const [r = 0, g = 0, b = 0] = (getComputedStyle(document.body).backgroundColor.match(/\d+/g) ?? []).map(Number);
          return r + g + b < 300;
        });
        expect(dark, `${file} background in ${scheme}`).toBe(scheme === 'dark');
        // Open the legend and show a preview, so their colours are checked too.
        if (file === SECTION) {
          await page.locator('.legend > summary').click();
          await page.locator('main a.entity-link').first().focus();
        }
        found.push(...(await axeViolations(page)).map((v) => `${file}: ${v}`));
      }
      await context.close();
      expect(found).toEqual([]);
    });
  }

  it('never scrolls sideways at 320 px, on any kind of page', async () => {
    const context = await shared.browser.newContext({ viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const wide: string[] = [];
    for (const file of EVERY_KIND) {
      await page.goto(`${shared.server.base}${file}`, { waitUntil: 'load' });
      const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      if (scroll > client) wide.push(`${file}: ${scroll} px of content in ${client} px`);
    }
    await context.close();
    expect(wide).toEqual([]);
  });

  it('remembers the theme chosen with the toggle across a reload, against the system setting', async () => {
    const page = await open(SECTION, { colorScheme: 'light' });
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('false');
    await toggle.click();
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('true');
    await page.reload({ waitUntil: 'load' });
    // Applied in <head> before paint: the attribute is there as soon as the document exists.
    await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe('dark');
    await expect(page.getByRole('button', { name: 'Dark theme' }).getAttribute('aria-pressed')).resolves.toBe('true');
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await page.goto(`${shared.server.base}${ENTITY}`, { waitUntil: 'load' });
    await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe('light');
    await page.context().close();
  });

  it('highlights the contents entry of the part scrolled to', async () => {
    // A short window, so that even a short section scrolls each part up to the reading line.
    const page = await open(SECTION, { viewport: { width: 1280, height: 400 } });
    const current = () => page.locator('[data-toc] a[aria-current="true"]').textContent();
    await expect(current()).resolves.toBe('Text');
    for (const name of ['State responsibility', 'Editorial notes', 'Source']) {
      const link = page.locator('[data-toc] a', { hasText: name });
      const id = decodeURIComponent(((await link.getAttribute('href')) ?? '').slice(1));
      await page.evaluate((target) => document.getElementById(target)?.scrollIntoView({ block: 'start' }), id);
      await expect.poll(current, { timeout: 2000 }).toBe(name);
    }
    await page.context().close();
  });

  it('previews a linked entity on keyboard focus, tied to the link, and closes it with Escape', async () => {
    const page = await open(SECTION);
    const link = page.locator('main a.entity-link[href$="netherlands.html"]').first();
    await link.focus();
    const card = page.getByRole('tooltip');
    // The first focus also loads the preview script, so the card may take a moment.
    await expect.poll(() => card.isVisible(), { timeout: 2000 }).toBe(true);
    await expect(card.textContent()).resolves.toContain('Netherlands');
    await expect(link.getAttribute('aria-describedby')).resolves.toBe(await card.getAttribute('id'));
    // Inside the window even on the right edge.
    const box = await card.boundingBox();
    expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= 1280).toBe(true);
    await page.keyboard.press('Escape');
    await expect(card.isVisible()).resolves.toBe(false);
    await expect(link.getAttribute('aria-describedby')).resolves.toBeNull();
    await page.context().close();
  });

  it('previews a linked section on hover', async () => {
    const page = await open(SECTION);
    await page.locator('.prev-next a[rel="next"]').hover();
    const card = page.getByRole('tooltip');
    await expect.poll(() => card.isVisible(), { timeout: 2000 }).toBe(true);
    await expect(card.textContent()).resolves.toContain('Minsk');
    await page.mouse.move(5, 5);
    await expect.poll(() => card.isVisible(), { timeout: 2000 }).toBe(false);
    await page.context().close();
  });

  it('prints the text without chrome, with the address of each link and restorations in brackets', async () => {
    const page = await open(SECTION);
    await page.emulateMedia({ media: 'print' });
    for (const chrome of ['.site-header', '.sidebar', '.site-footer', '.prev-next', '.legend']) {
      await expect(page.locator(chrome).first().isVisible(), chrome).resolves.toBe(false);
    }
    const printed = await page.evaluate(() => {
      const after = (el: Element | null) => (el ? getComputedStyle(el, '::after').content : '');
      const before = (el: Element | null) => (el ? getComputedStyle(el, '::before').content : '');
      const entity = document.querySelector('main a.entity-link');
      const restored = document.querySelector('main ins.repair');
      return { href: entity?.getAttribute('href'), link: after(entity), open: before(restored), close: after(restored) };
    });
    expect(printed.link).toContain(printed.href);
    expect([printed.open, printed.close]).toEqual(['"["', '"]"']);
    await expect(page.locator('main h1').isVisible()).resolves.toBe(true);
    await page.context().close();
  });

  it('shows the section navigation open on a desktop and folded in a disclosure on a phone, without JavaScript', async () => {
    const desktop = await open(SECTION, { javaScriptEnabled: false });
    await expect(desktop.getByRole('link', { name: 'The Minsk Agreements' }).first().isVisible()).resolves.toBe(true);
    await expect(desktop.locator('.nav-disclosure > summary').isVisible()).resolves.toBe(false);
    await desktop.context().close();

    const phone = await open(SECTION, { javaScriptEnabled: false, viewport: { width: 375, height: 700 }, isMobile: true });
    const summary = phone.locator('.nav-disclosure > summary');
    const current = phone.locator('.side-nav a[aria-current="page"]');
    await expect(current.isVisible()).resolves.toBe(false);
    await summary.click();
    await expect(current.isVisible()).resolves.toBe(true);
    await phone.context().close();
  });
});
