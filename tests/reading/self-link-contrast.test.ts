/**
 * The ¶ and # self-links and their copy buttons are small and quiet, yet must stay readable in
 * every state a reader sees them (issue 17: a phone showed them at 3.29:1): at rest, with the
 * paragraph hovered, hovered themselves, focused from the keyboard; with a mouse and on a touch
 * screen (hover: none); in both themes. axe's colour-contrast rule runs in each state, and each
 * state is checked to be the one intended, and the marks among what axe checked.
 */
import { describe, expect, it } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { browserAvailable, contrastCheck, browserAndServer } from '../helpers/browser.ts';
import { siteDir } from '../helpers/site.ts';

const SECTION = 'history/revolution-and-recognition.html';
const MARKS = 'main a.self-link, main button.copy-button--link';
const DEVICES: Record<string, BrowserContextOptions> = {
  mouse: { viewport: { width: 1280, height: 800 } },
  touch: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
};

describe.runIf(browserAvailable())('self-link marks in every state, in Chromium', () => {
  const shared = browserAndServer(siteDir);

  /** The states, each set up on `page` and named; the paragraph's marks are what each must show. */
  const states: [string, (page: Page) => Promise<void>][] = [
    ['at rest', async () => {}],
    ['with the paragraph hovered', async (page) => page.locator('main p#p-resumed').hover({ position: { x: 5, y: 5 } })],
    ['hovered itself', async (page) => page.locator('main a.self-link[href="#p-resumed"]').hover()],
    ['focused from the keyboard (link)', async (page) => {
      await page.locator('main a.self-link[href="#p-resumed"] + button').focus();
      await page.keyboard.press('Shift+Tab');
    }],
    ['focused from the keyboard (copy button)', async (page) => {
      await page.locator('main a.self-link[href="#p-resumed"]').focus();
      await page.keyboard.press('Tab');
    }],
  ];

  for (const [device, options] of Object.entries(DEVICES)) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`meet AA contrast with ${device} in the ${scheme} theme, in each state`, async () => {
        const context = await shared.browser.newContext({ ...options, colorScheme: scheme });
        const page = await context.newPage();
        const found: string[] = [];
        try {
          await page.goto(`${shared.server.base}${SECTION}`, { waitUntil: 'load' });
          expect(await page.evaluate(() => matchMedia('(hover: none)').matches)).toBe(device === 'touch');
          for (const [state, setUp] of states) {
            await page.mouse.move(0, 0);
            await setUp(page);
            // Hovering the paragraph or its link, or focusing the button, shows the button (focusing the link alone does not).
            if (state !== 'at rest' && state !== 'focused from the keyboard (link)') expect(await page.locator('#p-resumed > .copy-button--link').evaluate((b) => getComputedStyle(b).opacity), `${state}: its copy button shows`).toBe('1');
            if (state.startsWith('focused')) expect(await page.evaluate(() => document.activeElement?.matches(':focus-visible')), state).toBe(true);
            const { violations, passed } = await contrastCheck(page, MARKS);
            found.push(...violations.map((v) => `${state}: ${v}`));
            // The paragraph's own marks are visible in this state and were among what axe checked.
            if (state !== 'at rest' || device === 'touch') expect(passed + violations.length, `${state}: marks checked`).toBeGreaterThanOrEqual(1);
          }
        } finally {
          await context.close();
        }
        expect(found).toEqual([]);
      });
    }
  }
});
