import { readSiteSettings } from '../content/site-settings.ts';
import { contentDir } from '../lib/content-dir.ts';
import { checkLinks, formatLinkProblems } from './check-links.ts';
import { linkTargets } from './link-targets.ts';
import { writePublishedLinks } from './publish-links.ts';
import { publishedLinksFile } from './published-links-cache.ts';
import { addToLock, checkLock, formatLockProblems, lockFile, readLock } from './lock.ts';
import type { SiteScan } from './scan-site.ts';

/** What {@link checkBuiltSite} found: reports that fail the build, and lines for the log. */
export interface BuiltSiteCheck {
  /** Each a report naming every page, link or target at fault and its fix; empty when all is well. */
  failures: string[];
  warnings: string[];
  notes: string[];
  targets: number;
  links: number;
  pages: number;
  /** Pages not checked again: the last passing check's bytes, files and ids (see link-world.ts). */
  known: number;
}

/**
 * From one scan of the built site:
 * 1. writes `links.json` (every page, heading and paragraph, see link-targets.ts), its schema and
 *    `objects.inv` (publish-links.ts; with `cacheDir`, the last bytes for the same targets);
 * 2. checks every internal `href`/`src` and fragment (see check-links.ts) of every page but the
 *    `known` ones (the caller's: unchanged since a passing check, see link-world.ts);
 * 3. checks that every target in `<content>/links.lock.json` still resolves (see lock.ts), unless
 *    `LINKS_LOCK_CHECK=off` (`npm run links:lock` uses it to record a build).
 */
export function checkBuiltSite(site: SiteScan, env: NodeJS.ProcessEnv = process.env, cacheDir?: string, known: ReadonlySet<string> = new Set()): BuiltSiteCheck {
  const result: BuiltSiteCheck = { failures: [], warnings: [], notes: [], targets: 0, links: 0, pages: site.pages.size, known: known.size };
  const siteName = readSiteSettings(contentDir(env)).name;
  const targets = linkTargets(site, siteName);
  const kept = cacheDir === undefined ? undefined : publishedLinksFile(cacheDir);
  for (const file of writePublishedLinks(site.dir, targets, siteName, kept)) site.files.add(file);
  result.targets = targets.length;
  result.links = [...site.pages.values()].reduce((n, p) => n + p.links.length, 0);

  const linkProblems = checkLinks(site, undefined, known);
  if (linkProblems.length) result.failures.push(formatLinkProblems(linkProblems));

  const file = lockFile(contentDir(env));
  if (env.LINKS_LOCK_CHECK === 'off') {
    result.notes.push('link lock not checked (LINKS_LOCK_CHECK=off)');
    return result;
  }
  const lock = readLock(file);
  if (!lock) {
    result.warnings.push(`no link lock at ${file}: run npm run links:lock to record the targets this build publishes.`);
    return result;
  }
  const lockProblems = checkLock(lock, site);
  if (lockProblems.length) result.failures.push(formatLockProblems(lockProblems, file));
  const unlocked = addToLock(lock, targets).added.length;
  if (unlocked) result.notes.push(`${unlocked} new link target${unlocked === 1 ? '' : 's'} not in the lock yet: run npm run links:lock when you publish them.`);
  return result;
}
