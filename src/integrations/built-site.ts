import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { buildDirs, finishedMarker } from '../lib/build-dirs.ts';
import { PAGEFIND_DIR, searchIndexPath } from '../lib/urls.ts';
import { listFiles } from '../links/scan-site.ts';
import { SitePass } from '../site-pass/handle.ts';
import { sitePassPrerenderer } from '../site-pass/prerenderer.ts';
import { renderKeysFile } from '../site-pass/render-order.ts';

/**
 * Thrown when the built site has a broken internal link or lost a published link target: a
 * mistake in the content, so Astro's user error, printed as the report and a hint, with no stack.
 */
export class DeepLinkError extends AstroError {
  constructor(report: string) {
    super(report, 'Fix each link above in the content file that holds it (or keep a moved target with an alias), then build again. A failed build leaves the output folder as it was.');
    this.name = 'DeepLinkError';
    delete (this as { stack?: string }).stack;
  }
}

/** How a sharded index came when some shards were restored or indexed while the pages rendered. */
function shardsHow(p: { shards: number; restoredShards: number; speculatedShards: number }): string {
  const rest = p.shards - p.restoredShards - p.speculatedShards;
  return [
    p.restoredShards ? `${p.restoredShards} of ${p.shards} restored from the last build (same input)` : '',
    p.speculatedShards ? `${p.speculatedShards} indexed while the pages rendered` : '',
    rest ? `${rest} written after the last page` : '',
  ].filter(Boolean).join(', ');
}

/**
 * Search and deep links, made from the built pages (in `dist/` or `$SITE_OUT_DIR`) by the site
 * pass (src/site-pass/handle.ts), which reads every page once in a worker thread while the build
 * renders the next: Pagefind's index in `pagefind/`, `search-index.js` (the plain-script index for
 * pages opened from disk), `links.json`, the internal link check and the link lock check
 * (src/links/check-built-site.ts). A broken link or a lost published target fails the build with
 * a report naming each problem and its fix. Only `astro build` runs it; dev serves pages as usual.
 */
export default function builtSite(): AstroIntegration {
  let outDir = '';
  let pass: SitePass | undefined;
  /** The staging folder this build writes into (npm run build), or none when it writes the output folder itself. */
  let stagingDir: string | undefined;
  return {
    name: 'built-site',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': ({ setPrerenderer }) => {
        const { cacheDir, finalOutDir, staging } = buildDirs();
        stagingDir = staging ? outDir : undefined;
        // Building into a staging folder: the output folder it replaces holds the last successful build.
        const started = new SitePass(outDir, cacheDir, undefined, staging ? finalOutDir : undefined);
        pass = started;
        setPrerenderer((base) => sitePassPrerenderer(base, started, renderKeysFile(cacheDir)));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = Date.now();
        if (!pass) throw new Error('The site pass was not started: built-site must see astro:build:start.');
        const out = fileURLToPath(dir);
        const finishing = pass;
        pass = undefined;
        const result = await finishing.finish(out, listFiles(out));
        const { check, pagefind, fallback } = result;
        if (finishing.ended === 'terminated') logger.fork('site-pass').warn('the site-pass worker did not end on its own after its answer and was stopped; if this repeats, something in it keeps a handle open (src/site-pass/worker.ts)');
        logger.fork('pages-read').info(`${result.readWhileRendering} pages read while rendering, ${result.readAtEnd} from disk after, ${result.notRead} not read (restored by Astro under the cacheKey and code their stored result was read with); ${result.fromCache} unchanged since the last build, taken from the page cache${result.runs.of ? `; large pages: ${result.runs.reused} of ${result.runs.of} runs of list items scanned as in the last build, not parsed` : ''}`);
        const how = pagefind.writtenEarly ? 'written while the other pages rendered'
          : pagefind.restored ? 'restored from the last build (same input)'
          : pagefind.restoredShards + pagefind.speculatedShards > 0 ? shardsHow(pagefind)
          : 'written after the last page';
        const where = pagefind.shards > 1 ? `${PAGEFIND_DIR}/ and ${pagefind.shards - 1} more shard(s)` : `${PAGEFIND_DIR}/`;
        logger.fork('pagefind').info(`${where}: ${pagefind.pages} section pages, index ${how} (${pagefind.waitedMs} ms)`);
        logger.fork('search').info(`${searchIndexPath()}: ${fallback.pages} pages, ${(fallback.bytes / 1024).toFixed(1)} KB`);
        const { scripts, linked, unmade } = result.previews;
        const reused = unmade ? ` (${unmade} not even made again: their page and every card are the last build's)` : '';
        logger.fork('previews').info(`${scripts} link-preview data scripts made from the built pages${linked ? `, ${linked} of them unchanged since the last build (linked from the cache)${reused}` : ''}`);
        const links = logger.fork('deep-links');
        for (const line of check.notes) links.info(line);
        for (const line of check.warnings) links.warn(line);
        if (check.failures.length) throw new DeepLinkError(`\n${check.failures.join('\n\n')}\n`);
        const known = check.known ? ` (${check.known} of them as the last passing check saw them, with every file and id they link to: not checked again)` : '';
        const checked = result.checkRestored ? 'restored with the check\'s report from the last build (every page, file and input the same)' : `checked${known}`;
        links.info(`links.json: ${check.targets} targets; ${check.links} links in ${check.pages} pages ${checked}`);
        logger.info(`search indexes, links.json and link checks written and passed; waited for after the last page (${Date.now() - started} ms)`);
        // Building into a staging folder (npm run build): say it is finished, for scripts/build.ts.
        if (stagingDir) fs.writeFileSync(finishedMarker(path.resolve(stagingDir)), 'finished\n');
      },
    },
  };
}
