/**
 * Runs the real site pass (src/site-pass/) over pages written to a fresh folder, as a build would:
 * the pages in `rendered` are handed over as rendered, the others read from disk at the end (as an
 * incremental build's reused pages).
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { searchIndexPath, type PagePath } from '../../src/lib/urls.ts';
import { FALLBACK_GLOBAL, type FallbackIndex } from '../../src/search/fallback-index.ts';
import { listFiles } from '../../src/links/scan-site.ts';
import { SitePass } from '../../src/site-pass/handle.ts';
import type { SitePassResult } from '../../src/site-pass/messages.ts';

export interface PassRun {
  /** Every page of the built site, path -> HTML, written before the pass. */
  pages: Record<string, string>;
  /** The static paths' order (Pagefind's page order). */
  order: readonly PagePath[];
  /** The build's cache folder; none: the pass keeps nothing. */
  cacheDir?: string | undefined;
  rendered?: readonly string[];
  /** The output folder the build replaces (see SitePassSetup.previousOutDir). */
  previousOutDir?: string | undefined;
  /** Over process.env; LINKS_LOCK_CHECK is off unless given. */
  env?: NodeJS.ProcessEnv;
  /** Other files in the output folder before the pass (path -> text). */
  extra?: Record<string, string>;
  /** Each keyed page's `cacheKey` in this build, as the prerenderer gives them (path -> key). */
  keys?: Record<string, string>;
}

let runs = 0;

/** One pass into a fresh folder under `root`; its folder and result. */
export async function runSitePass(root: string, run: PassRun): Promise<{ out: string; result: SitePassResult; ended: SitePass['ended'] }> {
  const out = path.join(root, `out-${++runs}`);
  for (const [file, text] of Object.entries({ ...run.pages, ...run.extra })) {
    fs.mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
    fs.writeFileSync(path.join(out, file), text);
  }
  const sitePass = new SitePass(out, run.cacheDir, undefined, run.previousOutDir);
  sitePass.order([...run.order], Object.entries(run.keys ?? {}) as [PagePath, string][]);
  for (const file of run.rendered ?? []) sitePass.page(file as PagePath, new TextEncoder().encode(run.pages[file] ?? ''));
  const result = await sitePass.finish(out, listFiles(out), { ...process.env, LINKS_LOCK_CHECK: 'off', ...run.env });
  return { out, result, ended: sitePass.ended };
}

/**
 * A small built section page, as the site's layout shapes one: a head with title and description,
 * navigation, the searchable article in `<main>`, and a footer when given.
 */
export const sectionHtml = (title: string, body: string, footer?: string): string =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title><meta name="description" content="About ${title}."></head>` +
  `<body><nav><a href="../index.html">Home</a></nav><main><article data-pagefind-body><h1>${title}</h1>${body}</article></main>${footer === undefined ? '' : `<footer>${footer}</footer>`}</body></html>`;

/** A small built home page whose `<main>` holds `main` (links to the section pages). */
export const homeHtml = (main: string): string =>
  `<!doctype html><html lang="en"><head><title>Home</title></head><body><main>${main}</main></body></html>`;

/** The `file://` search index a pass wrote into `out`, as the search page reads it: the script run, its global read. */
export function fallbackIndexIn(out: string): FallbackIndex {
  const sandbox: { window: Record<string, unknown> } = { window: {} };
  vm.runInNewContext(fs.readFileSync(path.join(out, searchIndexPath()), 'utf8'), sandbox);
  return sandbox.window[FALLBACK_GLOBAL] as FallbackIndex;
}
