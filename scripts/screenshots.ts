/**
 * `npm run screenshots`: pictures of the built site for the README, taken with Chromium.
 *
 * Uses the build in $SITE_OUT_DIR (default `dist/`) when it exists, else builds it first. Shoots the
 * home, a section and an entity page in four ways (desktop light, desktop dark, phone, print
 * preview) into `docs/screenshots/<page>-<mode>.png`. Viewports, not full pages, keep the files small.
 *
 * Runs under Node 24 as plain TypeScript (type stripping), hence only erasable syntax here.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContextOptions } from 'playwright-core';
import { entityPath, homePath, sectionPath, type PagePath } from '../src/lib/urls.ts';
import { launchBrowser, serveStatic } from '../tests/helpers/browser.ts';

const root = path.resolve(import.meta.dirname, '..');
const siteDir = path.resolve(root, process.env.SITE_OUT_DIR || 'dist');
const outDir = path.join(root, 'docs', 'screenshots');

/** The pages shown, by a short name used in file names. */
const PAGES: Record<string, PagePath> = {
  home: homePath(),
  section: sectionPath('nato-stance', 'mh17'),
  entity: entityPath('inf-treaty'),
};

interface Mode {
  name: string;
  context: BrowserContextOptions;
  print?: boolean;
}

/** Desktop at a common laptop size, a 375 px phone, and an A4-like sheet for print preview. */
const MODES: Mode[] = [
  { name: 'desktop-light', context: { viewport: { width: 1280, height: 900 }, colorScheme: 'light' } },
  { name: 'desktop-dark', context: { viewport: { width: 1280, height: 900 }, colorScheme: 'dark' } },
  { name: 'phone', context: { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true, colorScheme: 'light' } },
  { name: 'print', context: { viewport: { width: 794, height: 1123 }, colorScheme: 'light' }, print: true },
];

/** Shrinks a PNG to an indexed palette, lossless-looking for flat UI colours. */
type Optimise = (png: Buffer) => Promise<Buffer>;

/**
 * sharp comes with Astro (its image service), so it is usually installed; when it is not, the
 * shots are kept as Chromium wrote them, and the script says so.
 */
async function loadOptimiser(): Promise<Optimise | null> {
  try {
    const { default: sharp } = await import('sharp');
    return (png) => sharp(png).png({ palette: true, quality: 90, compressionLevel: 9, effort: 10 }).toBuffer();
  } catch (error) {
    console.warn(`Screenshots are not optimised: sharp could not be loaded (${(error as Error).message}).`);
    return null;
  }
}

function ensureBuild(): void {
  if (fs.existsSync(path.join(siteDir, homePath()))) return;
  console.log(`No build in ${siteDir}: building it.`);
  const result = spawnSync('npm', ['run', 'build', '--silent'], {
    cwd: root,
    env: { ...process.env, SITE_OUT_DIR: siteDir },
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`The build failed (exit ${result.status}); no screenshots taken.`);
}

async function main(): Promise<void> {
  ensureBuild();
  fs.mkdirSync(outDir, { recursive: true });
  const optimise = await loadOptimiser();
  const server = await serveStatic(siteDir, '/');
  const browser = await launchBrowser();
  try {
    for (const mode of MODES) {
      const context = await browser.newContext({ ...mode.context, deviceScaleFactor: 1 });
      const page = await context.newPage();
      if (mode.print) await page.emulateMedia({ media: 'print' });
      for (const [name, file] of Object.entries(PAGES)) {
        const response = await page.goto(`${server.base}${file}`, { waitUntil: 'load' });
        if (!response?.ok()) throw new Error(`${file} answered ${response?.status()}: is the build complete?`);
        const target = path.join(outDir, `${name}-${mode.name}.png`);
        const png = await page.screenshot();
        fs.writeFileSync(target, optimise ? await optimise(png) : png);
        console.log(`${path.relative(root, target)} (${Math.round(fs.statSync(target).size / 1024)} KB)`);
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
