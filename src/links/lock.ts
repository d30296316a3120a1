import fs from 'node:fs';
import path from 'node:path';
import type { PagePath } from '../lib/urls.ts';
import { linksLockSchema, type LinkTarget, type LinksLock, type LockedTarget } from '../schemas/links.ts';
import { landingPage } from './landing-page.ts';
import { formatTargetList, topicOf } from './link-targets.ts';
import type { SiteScan } from './scan-site.ts';

/** The lock file of a content folder: every target ever published from it. */
export const lockFile = (contentDir: string): string => path.join(contentDir, 'links.lock.json');

/** `url` or `url#anchor`: how a target is written in messages and on the command line. */
export const targetKey = (t: { url: string; anchor: string | null }): string => (t.anchor ? `${t.url}#${t.anchor}` : t.url);

/** The inverse of {@link targetKey}: `page.html#anchor` -> its page and (decoded) anchor. */
export function splitTargetKey(key: string): { url: string; anchor: string | null } {
  const at = key.indexOf('#');
  return at < 0 ? { url: key, anchor: null } : { url: key.slice(0, at), anchor: decodeURIComponent(key.slice(at + 1)) };
}

/** The lock in `file`, or null when there is none yet; a malformed lock throws, naming the file and the field. */
export function readLock(file: string): LinksLock | null {
  if (!fs.existsSync(file)) return null;
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file} is not valid JSON (${error instanceof Error ? error.message : String(error)}). Restore it from git, then run npm run links:lock.`, { cause: error });
  }
  const result = linksLockSchema.safeParse(json);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `- ${i.path.join('.') || '(root)'}: ${i.message}`).join('\n');
    throw new Error(`${file} is not a valid link lock:\n${issues}\nRestore it from git, then run npm run links:lock.`);
  }
  return result.data;
}

/** Writes the lock sorted by target, one target per line, so its diff shows exactly what was added or dropped. */
export function writeLock(file: string, lock: LinksLock): void {
  const targets = [...lock.targets].sort(compareTargets).map(({ url, anchor, kind, title }) => ({ url, anchor, kind, title }));
  fs.writeFileSync(file, formatTargetList(lock.version, targets));
}

function compareTargets(a: LockedTarget, b: LockedTarget): number {
  return a.url.localeCompare(b.url) || (a.anchor ?? '').localeCompare(b.anchor ?? '');
}

/** The lock with every target of `published` it did not have yet; existing entries are kept as they are. */
export function addToLock(lock: LinksLock | null, published: readonly LinkTarget[]): { lock: LinksLock; added: LockedTarget[] } {
  const targets = [...(lock?.targets ?? [])];
  const known = new Set(targets.map(targetKey));
  const added: LockedTarget[] = [];
  // An alias (an old URL that lands on the target) is published too: locked like the target itself.
  const withAliases = published.flatMap((t) => [t, ...t.aliases.map((alias) => ({ ...t, ...splitTargetKey(alias) }))]);
  for (const { url, anchor, kind, title } of withAliases) {
    if (known.has(targetKey({ url, anchor }))) continue;
    known.add(targetKey({ url, anchor }));
    added.push({ url, anchor, kind, title });
  }
  return { lock: { version: 1, targets: [...targets, ...added] }, added };
}

/**
 * The lock without the targets named in `keys`: `url#anchor` drops that anchor; a bare `url` drops
 * the page and every anchor on it. Keys that match nothing in the lock are returned as unknown.
 */
export function dropFromLock(lock: LinksLock, keys: readonly string[]): { lock: LinksLock; dropped: LockedTarget[]; unknown: string[] } {
  const matches = (t: LockedTarget, key: string) => targetKey(t) === key || (!key.includes('#') && t.url === key);
  const dropped = lock.targets.filter((t) => keys.some((k) => matches(t, k)));
  return {
    lock: { version: lock.version, targets: lock.targets.filter((t) => !dropped.includes(t)) },
    dropped,
    unknown: keys.filter((k) => !dropped.some((t) => matches(t, k))),
  };
}

/** A locked target the build no longer resolves, with what to do about it. */
export interface LockProblem {
  target: LockedTarget;
  /** What is missing and how to keep it or drop it. */
  message: string;
}

/**
 * Every locked target the built site no longer resolves. A page resolves when its file is there
 * (an alias page counts: it sends readers on); an anchor resolves when the page readers land on
 * has an element with that id (an anchor alias counts). A vanished page is reported once, with
 * the number of its anchors that vanished with it.
 */
export function checkLock(lock: LinksLock, site: SiteScan): LockProblem[] {
  const problems: LockProblem[] = [];
  const missingPages = new Map<string, { target: LockedTarget; anchors: number }>();
  for (const target of lock.targets) {
    const landing = landingPage(site, target.url as PagePath);
    if (!landing) {
      const entry = missingPages.get(target.url) ?? { target: { url: target.url, anchor: null, kind: 'page', title: '' }, anchors: 0 };
      if (target.anchor === null) entry.target = target;
      else entry.anchors++;
      missingPages.set(target.url, entry);
      continue;
    }
    if (target.anchor === null || landing.page.ids.has(target.anchor)) continue;
    const same = landing.page.targets.find((t) => t.kind === target.kind && t.id !== target.anchor && sameWords(t.text, target.title));
    problems.push({ target, message: missingAnchorMessage(target, landing.path, same?.id) });
  }
  for (const { target, anchors } of missingPages.values()) problems.push({ target, message: missingPageMessage(target, anchors) });
  return problems;
}

function missingPageMessage(target: LockedTarget, anchors: number): string {
  const withAnchors = anchors ? `, and ${anchors} locked heading and paragraph link${anchors === 1 ? '' : 's'} on it` : '';
  const [topic, file] = target.url.split('/');
  const keep =
    topicOf(target.url) && file
      ? `keep it: if the section was renamed, add its old slug to the new section's frontmatter (content/sections/${topic}/<new-slug>.mdx): aliases: [${file.replace(/\.html$/, '')}]. The old URL then sends readers on, and its old anchors resolve on the new page.`
      : 'keep it: restore the page at that path.';
  return `${targetKey(target)}${target.title ? ` (page “${target.title}”)` : ''} is gone${withAnchors}.\n  To ${keep}\n  To drop it on purpose, with its anchors: npm run links:lock -- --drop '${targetKey(target)}'`;
}

function missingAnchorMessage(target: LockedTarget, landedOn: string, sameWordsId: string | undefined): string {
  const anchor = target.anchor ?? '';
  const what = target.kind === 'heading' ? 'heading' : 'paragraph';
  const via = landedOn === target.url ? '' : ` (on ${landedOn}, where its alias page sends readers)`;
  const keep = sameWordsId
    ? `the words now have the id #${sameWordsId}: end that ${what} with {/* #${sameWordsId} ${anchor} */} so the old id stays as an alias.`
    : `end the ${what} that now holds these words with {/* #${anchor} */} to keep its id, or with {/* #<new-id> ${anchor} */} to give it a new id and keep the old one as an alias.`;
  return `${targetKey(target)} (${what} “${target.title}”) has no element with that id any more${via}.\n  To keep it: ${keep}\n  To drop it on purpose: npm run links:lock -- --drop '${targetKey(target)}'`;
}

/** Whether a current target's words match a locked title (paragraph titles are the first words, ending in …). */
function sameWords(text: string, lockedTitle: string): boolean {
  const title = lockedTitle.replace(/…$/, '');
  return title.length > 0 && (lockedTitle.endsWith('…') ? text.startsWith(title) : text === title);
}

/** The problems as one report, each target with its fix. */
export function formatLockProblems(problems: readonly LockProblem[], file: string): string {
  const lines = [`${problems.length} published link target${problems.length === 1 ? '' : 's'} recorded in ${file} no longer resolve${problems.length === 1 ? 's' : ''}:`];
  for (const p of problems) lines.push(`- ${p.message}`);
  return lines.join('\n');
}
