/**
 * `npm run links:lock`: records the link targets a build publishes in `<content>/links.lock.json`.
 *
 *   npm run links:lock                          build into a temporary folder, add every new target
 *   npm run links:lock -- --from dist           use an existing build instead of building
 *   npm run links:lock -- --drop 'url#anchor'   remove a target on purpose (repeatable; no build)
 *   npm run links:lock -- --check               only report locked targets the build lost
 *
 * It only ever adds targets, except with --drop: a published link is kept unless someone decides
 * otherwise. Runs on Node 24 directly (type stripping), so it uses erasable TypeScript only.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { contentDir } from '../lib/content-dir.ts';
import { linksJsonPath } from '../lib/urls.ts';
import { linksJsonSchema, type LinksLock } from '../schemas/links.ts';
import { addToLock, checkLock, dropFromLock, formatLockProblems, lockFile, readLock, targetKey, writeLock } from './lock.ts';
import { scanSite } from './scan-site.ts';

const projectRoot = path.resolve(import.meta.dirname, '../..');

function main(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      from: { type: 'string' },
      drop: { type: 'string', multiple: true },
      check: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(fs.readFileSync(import.meta.filename, 'utf8').split('*/')[0]?.replace(/^\/\*\*|^ \* ?/gm, '') ?? '');
    return 0;
  }
  const file = lockFile(contentDir());
  const lock = readLock(file);

  if (values.drop?.length) {
    if (!lock) return fail(`There is no lock at ${file} to drop targets from.`);
    const result = dropFromLock(lock, values.drop);
    if (result.unknown.length) return fail(`Not in ${file}: ${result.unknown.join(', ')}. Write a target as it appears in the build error: 'history/a.html' or 'history/a.html#anchor'.`);
    writeLock(file, result.lock);
    console.log(`Dropped from ${file}:\n${result.dropped.map((t) => `- ${targetKey(t)} (${t.kind} “${t.title}”)`).join('\n')}`);
    return 0;
  }

  const built = values.from ? null : buildIntoTemp();
  try {
    return record(file, lock, built ?? path.resolve(values.from ?? 'dist'), values.check);
  } finally {
    if (built) fs.rmSync(path.dirname(built), { recursive: true, force: true });
  }
}

/** Adds the targets of the site built in `site` to the lock (unless `checkOnly`) and reports lost ones. */
function record(file: string, lock: LinksLock | null, site: string, checkOnly: boolean | undefined): number {
  const scan = scanSite(site);
  const problems = lock ? checkLock(lock, scan) : [];
  if (!checkOnly) {
    const published = linksJsonSchema.parse(JSON.parse(fs.readFileSync(path.join(site, linksJsonPath()), 'utf8')));
    const { lock: next, added } = addToLock(lock, published.targets);
    writeLock(file, next);
    console.log(`${file}: ${added.length} new target${added.length === 1 ? '' : 's'} added, ${next.targets.length} in all.`);
  }
  if (problems.length) return fail(formatLockProblems(problems, file));
  if (checkOnly) console.log(`Every target in ${file} resolves in ${site}.`);
  return 0;
}

/**
 * Builds the site into a fresh folder under node_modules/.cache, with the lock check off (that is
 * what we are updating). Under the project, because Astro keeps its prerender chunks beside an
 * output inside the working directory, and in the shared .astro/ for one outside it.
 */
function buildIntoTemp(): string {
  const cache = path.join(projectRoot, 'node_modules/.cache');
  fs.mkdirSync(cache, { recursive: true });
  const out = path.join(fs.mkdtempSync(path.join(cache, 'links-lock-')), 'dist');
  console.log(`Building the site into ${out} …`);
  const result = spawnSync('npm', ['run', 'build', '--silent'], {
    cwd: projectRoot,
    env: { ...process.env, SITE_OUT_DIR: out, LINKS_LOCK_CHECK: 'off' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) throw new Error(`The build failed (exit ${result.status}); fix it first, or pass --from <built-site>.`);
  return out;
}

function fail(message: string): number {
  console.error(message);
  return 1;
}

process.exitCode = main(process.argv.slice(2));
