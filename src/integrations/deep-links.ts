import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { contentDir } from '../lib/content-dir.ts';
import { linksJsonPath } from '../lib/urls.ts';
import { checkLinks, formatLinkProblems } from '../links/check-links.ts';
import { linkTargets, writeLinksJson } from '../links/link-targets.ts';
import { addToLock, checkLock, formatLockProblems, lockFile, readLock } from '../links/lock.ts';
import { scanSite } from '../links/scan-site.ts';

/** Thrown when the built site has a broken internal link or lost a published link target. */
export class DeepLinkError extends Error {
  override name = 'DeepLinkError';
}

/**
 * After the build, reads every page once and
 * 1. writes `links.json`: every page, heading and paragraph (see src/links/link-targets.ts);
 * 2. checks every internal `href`/`src` and fragment (see src/links/check-links.ts);
 * 3. checks that every target in `<content>/links.lock.json` still resolves (see src/links/lock.ts).
 * Any problem fails the build with a report naming each page, link or target and its fix.
 *
 * List it LAST in `integrations`, so files other integrations write at `astro:build:done`
 * (the search index) exist when links to them are checked.
 * `LINKS_LOCK_CHECK=off` skips step 3: `npm run links:lock` uses it to record a build.
 */
export default function deepLinks(): AstroIntegration {
  return {
    name: 'deep-links',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const started = Date.now();
        const outDir = fileURLToPath(dir);
        const site = scanSite(outDir);
        const targets = linkTargets(site);
        writeLinksJson(outDir, targets);
        site.files.add(linksJsonPath());

        const reports: string[] = [];
        const linkProblems = checkLinks(site);
        if (linkProblems.length) reports.push(formatLinkProblems(linkProblems));

        const file = lockFile(contentDir());
        if (process.env.LINKS_LOCK_CHECK === 'off') {
          logger.info('link lock not checked (LINKS_LOCK_CHECK=off)');
        } else {
          const lock = readLock(file);
          if (!lock) logger.warn(`no link lock at ${file}: run npm run links:lock to record the targets this build publishes.`);
          else {
            const lockProblems = checkLock(lock, site);
            if (lockProblems.length) reports.push(formatLockProblems(lockProblems, file));
            const unlocked = addToLock(lock, targets).added.length;
            if (unlocked) logger.info(`${unlocked} new link target${unlocked === 1 ? '' : 's'} not in the lock yet: run npm run links:lock when you publish them.`);
          }
        }
        if (reports.length) throw new DeepLinkError(`\n${reports.join('\n\n')}\n`);
        const links = [...site.pages.values()].reduce((n, p) => n + p.links.length, 0);
        logger.info(`links.json: ${targets.length} targets; ${links} links in ${site.pages.size} pages checked (${Date.now() - started} ms)`);
      },
    },
  };
}
