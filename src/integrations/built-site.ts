import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { PAGEFIND_DIR } from '../lib/urls.ts';
import { checkBuiltSite } from '../links/check-built-site.ts';
import { scanSite } from '../links/scan-site.ts';
import { activePagefindFeed, finishPagefindFeed, startPagefindFeed } from '../search/pagefind-feed.ts';
import { FALLBACK_FILE, fallbackCollector } from '../search/write-search.ts';

/** Thrown when the built site has a broken internal link or lost a published link target. */
export class DeepLinkError extends Error {
  override name = 'DeepLinkError';
}

/**
 * Search and deep links, made from the built pages (in `dist/` or `$SITE_OUT_DIR`):
 * - Pagefind's index in `pagefind/` (served sites). Pagefind starts with the build and indexes
 *   each section page in its own process as soon as it renders (src/search/pagefind-feed.ts,
 *   src/middleware.ts), so it works on the second core while this one renders;
 * - once every page is written, one parse of every page (src/links/scan-site.ts) for both
 *   `search-index.js`, the plain-script index for pages opened from disk, and the deep-link
 *   checks: `links.json`, the internal link check and the link lock check
 *   (src/links/check-built-site.ts), which fail the build with a report naming each problem.
 */
export default function builtSite(): AstroIntegration {
  return {
    name: 'built-site',
    hooks: {
      'astro:build:start': () => {
        startPagefindFeed();
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const started = Date.now();
        const feed = activePagefindFeed();
        if (!feed) throw new Error('The Pagefind feed was not started: built-site must see astro:build:start.');
        const pagefindRun = timed(finishPagefindFeed(feed, outDir));
        // Settle Pagefind whatever happens here, so a failure below never leaves its process running.
        const pagefindSettled = pagefindRun.then(() => undefined, () => undefined);
        let check: ReturnType<typeof checkBuiltSite>;
        let fallback: { pages: number; bytes: number };
        let scanMs: number;
        try {
          const collector = fallbackCollector();
          const site = await scanSite(outDir, collector.readersFor);
          scanMs = Date.now() - started;
          fallback = await collector.write(outDir);
          check = checkBuiltSite(site);
        } catch (error) {
          await pagefindSettled;
          throw error;
        }
        const pagefind = await pagefindRun;
        logger.fork('pagefind').info(`${PAGEFIND_DIR}/: ${pagefind.value} section pages indexed while rendering, written in ${pagefind.ms} ms`);
        logger.fork('html-pass').info(`${check.pages} pages parsed once for the link check and ${FALLBACK_FILE} (${fallback.pages} pages, ${(fallback.bytes / 1024).toFixed(1)} KB) (${scanMs} ms)`);
        const links = logger.fork('deep-links');
        for (const line of check.notes) links.info(line);
        for (const line of check.warnings) links.warn(line);
        if (check.failures.length) throw new DeepLinkError(`\n${check.failures.join('\n\n')}\n`);
        links.info(`links.json: ${check.targets} targets; ${check.links} links in ${check.pages} pages checked`);
        logger.info(`search indexes, links.json and link checks written and passed (${Date.now() - started} ms)`);
      },
    },
  };
}

async function timed<T>(work: Promise<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const value = await work;
  return { value, ms: Date.now() - started };
}
