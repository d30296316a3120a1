import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { browserAvailable, launchBrowser, serveStatic } from '../helpers/browser.ts';
import { siteDir } from '../helpers/site.ts';

/** The progressive copy buttons, in Chromium, on the seed site served under a sub-path. */
describe.runIf(browserAvailable())('copy-link buttons', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveStatic>>;
  const page = 'history/revolution-and-recognition.html';

  beforeAll(async () => {
    server = await serveStatic(siteDir(), '/ref/');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('puts a named, keyboard-reachable button after each self-link that copies the full URL', async () => {
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    try {
      const tab = await context.newPage();
      await tab.goto(`${server.base}${page}`);
      const selfLinks = await tab.locator('main a.self-link').count();
      expect(selfLinks).toBeGreaterThan(0);
      expect(await tab.locator('main a.self-link + button.copy-button[data-editorial]').count()).toBe(selfLinks);

      await tab.locator('main a[href="#p-resumed"]').focus();
      await tab.keyboard.press('Tab');
      const focused = tab.locator(':focus');
      expect(await focused.getAttribute('aria-label')).toBe('Copy link to this paragraph');
      await tab.keyboard.press('Enter');
      await expect.poll(() => tab.locator('[role="status"]').textContent()).toBe('Link copied');
      expect(await tab.evaluate(() => navigator.clipboard.readText())).toBe(`${server.base}${page}#p-resumed`);

      await tab.getByRole('button', { name: 'Copy citation' }).click();
      await expect.poll(() => tab.evaluate(() => navigator.clipboard.readText())).toContain('“From the Bolshevik Revolution to recognition, 1917–1933.”');
      expect(await tab.getByRole('button', { name: 'Copy link to the heading “Relations resumed”' }).count()).toBe(1);
    } finally {
      await context.close();
    }
  });

  it('copies the Markdown link with the full address the page is read at, and the Sphinx :ref:', async () => {
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    try {
      const tab = await context.newPage();
      await tab.goto(`${server.base}${page}`);
      await tab.getByRole('button', { name: 'Copy Markdown link' }).click();
      await expect.poll(() => tab.evaluate(() => navigator.clipboard.readText())).toBe(`[From the Bolshevik Revolution to recognition, 1917–1933](${server.base}${page})`);
      await tab.getByRole('button', { name: 'Copy reST reference' }).click();
      await expect.poll(() => tab.evaluate(() => navigator.clipboard.readText())).toBe(':ref:`ref:history/revolution-and-recognition`');
    } finally {
      await context.close();
    }
  });

  it('adds nothing without JavaScript, and the self-links still work', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const tab = await context.newPage();
      await tab.goto(`${server.base}${page}`);
      expect(await tab.locator('button.copy-button').count()).toBe(0);
      await tab.locator('main a[href="#relations-resumed"]').click();
      expect(new URL(tab.url()).hash).toBe('#relations-resumed');
    } finally {
      await context.close();
    }
  });
});
