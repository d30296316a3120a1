/**
 * Every page's link-preview data script (`previews/<page>.js`, see src/lib/previews.ts), written
 * by the site pass from the built pages themselves instead of by one Astro route per page: at
 * 5,000 sections those were 5,000 of the build's 10,000 routes, each rendered or restored from
 * Astro's cache on every build. The pass reads every page anyway; what a preview shows of a page
 * is on that page, and what a page links to is in its `<main>`.
 *
 * - A section or entity page carries the preview loader (src/components/LinkPreviews.astro), which
 *   names the page's kind and title; its summary is its `<meta name="description">`.
 * - The page's data script holds a preview for each page with a loader that a link in its `<main>`
 *   points to (not itself, each once, in the order of the links): exactly the links previews.js
 *   answers, so every link to a section or entity has its card.
 *
 * A warm build links each script that did not change from the last build's instead of writing it
 * (kept-tree.ts): 5,000 files written at the end of a build took 1.3 s. A script is a function of
 * its page's links (its bytes), every page's card and this code; when the caller knows each page's
 * bytes, a page whose bytes and cards are the last build's has its kept script linked without
 * being made again (resolving 400,000 links cost 0.5 s at 5,000 sections on every warm build).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { HtmlReader } from '../lib/html-pass.ts';
import { previewScript, type Preview } from '../lib/previews.ts';
import { previewDataPath, relativeUrl, resolveUrl, type PagePath } from '../lib/urls.ts';
import { urlKind } from '../links/check-links.ts';
import { codeDigest } from '../lib/code-digest.ts';
import { keepFiles, keptIntact, keptManifest, placeKept, rekeyKeptFiles } from './kept-tree.ts';

/** What the site pass needs of one page for previews. */
export interface PagePreviews {
  /** The page as previews show it; null when it carries no preview loader (then it gets no data script). */
  card: { kind: string; title: string; summary: string } | null;
  /** Each distinct `a[href]` inside `<main>` that is not a self-link, as written, in document order (empty without a card). */
  links: string[];
}

/** What a page without the preview loader has for previews. */
export const NO_PREVIEWS: PagePreviews = { card: null, links: [] };

/** A reader (src/lib/html-pass.ts) that finds a page's preview card and the links of its `<main>`. */
export function previewsReader(): HtmlReader<PagePreviews> {
  let kind: string | undefined;
  let title: string | undefined;
  let summary = '';
  let mainDepth = 0;
  const links = new Set<string>();
  return {
    onopentag(name, attrs) {
      if (name === 'main') mainDepth++;
      if (name === 'meta' && attrs.name === 'description' && attrs.content !== undefined) summary = attrs.content;
      if (name === 'script' && attrs['data-preview-kind'] !== undefined) {
        kind = attrs['data-preview-kind'];
        title = attrs['data-preview-title'] ?? '';
      }
      if (mainDepth > 0 && name === 'a' && attrs.href !== undefined && !(attrs.class ?? '').split(/\s+/).includes('self-link')) {
        const href = attrs.href.trim();
        if (href !== '' && !href.startsWith('#') && urlKind(href) === 'internal') links.add(href);
      }
    },
    ontext() {},
    onclosetag(name) {
      if (name === 'main' && mainDepth > 0) mainDepth--;
    },
    result() {
      if (kind === undefined) return NO_PREVIEWS;
      return { card: { kind, title: title ?? '', summary }, links: [...links] };
    },
  };
}

/** The previews of `page`: one per page with a card that its links point to, in link order. */
export function previewsOf(page: PagePath, links: readonly string[], cards: ReadonlyMap<PagePath, NonNullable<PagePreviews['card']>>): Preview[] {
  const previews: Preview[] = [];
  const seen = new Set<PagePath>([page]);
  for (const href of links) {
    const to = resolveUrl(page, href).path;
    const card = cards.get(to);
    if (!card || seen.has(to)) continue;
    seen.add(to);
    previews.push({ href: relativeUrl(page, to), ...card });
  }
  return previews;
}

/** How the data scripts were put in place: written afresh, or linked from the last build's. */
export interface WrittenPreviews {
  scripts: number;
  linked: number;
  /** Of those linked, how many were not made again: their page's bytes and every card were the last build's. */
  unmade: number;
}

let codeVersion: string | undefined;

/** The key of everything a page's script is made from besides the page: every card, and this code. */
function cardsKey(cards: ReadonlyMap<PagePath, NonNullable<PagePreviews['card']>>): string {
  codeVersion ??= codeDigest('link previews', ['site-pass/link-previews.ts', 'lib/html-pass.ts', 'lib/previews.ts', 'lib/urls.ts', 'links/check-links.ts']);
  const hash = crypto.createHash('sha256').update(codeVersion);
  for (const page of [...cards.keys()].sort()) {
    const card = cards.get(page) as NonNullable<PagePreviews['card']>;
    hash.update(`\0${page}\0${card.kind}\0${card.title}\0${card.summary}`);
  }
  return hash.digest('base64');
}

/**
 * Writes the data script of every page with a card into `outDir`. With `kept` (a folder in the
 * build's cache), a script whose content is the one kept from the last build is put there as a
 * link to it (kept-tree.ts) instead of written, and the kept scripts are replaced by this build's
 * when any differ. With `pageHash` (a page's bytes, hashed), a script whose page and cards are
 * those it was kept for is linked without being made again.
 */
export function writeLinkPreviews(outDir: string, pages: ReadonlyMap<PagePath, PagePreviews>, kept?: string, pageHash?: (page: PagePath) => string | undefined): WrittenPreviews {
  const cards = new Map<PagePath, NonNullable<PagePreviews['card']>>();
  for (const [page, { card }] of pages) if (card) cards.set(page, card);
  const last = kept ? keptManifest(kept, KEPT_KEY) : undefined;
  const world = kept && pageHash ? cardsKey(cards) : undefined;
  const made = new Set<string>();
  const hashes = new Map<string, string>();
  const inputs = new Map<string, string>();
  let linked = 0;
  let unmade = 0;
  let inputsChanged = false;
  for (const [page, { card, links }] of pages) {
    if (!card) continue;
    const name = previewDataPath(page);
    const file = path.join(outDir, name);
    const dir = path.dirname(file);
    if (!made.has(dir)) {
      fs.mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    const bytes = world === undefined ? undefined : pageHash?.(page);
    const from = bytes === undefined ? '' : `${world} ${bytes}`;
    if (from !== '') inputs.set(name, from);
    const before = last?.get(name);
    if (before && before.from !== from) inputsChanged = true;
    if (kept && before && from !== '' && before.from === from && keptIntact(kept, name, before)) {
      placeKept(kept, name, file);
      hashes.set(name, before.hash);
      linked++;
      unmade++;
      continue;
    }
    const script = previewScript(previewsOf(page, links, cards));
    const hash = crypto.createHash('sha256').update(script).digest('base64');
    hashes.set(name, hash);
    if (kept && before?.hash === hash && keptIntact(kept, name, before)) {
      placeKept(kept, name, file);
      linked++;
    } else {
      fs.writeFileSync(file, script);
    }
  }
  if (kept && (linked !== hashes.size || last?.size !== hashes.size)) keepFiles(kept, KEPT_KEY, outDir, [...hashes.keys()], hashes, inputs);
  // Every script the kept one, some made from other inputs (a page's text edited, its links not): only the manifest is new.
  else if (kept && last && inputsChanged) rekeyKeptFiles(kept, KEPT_KEY, new Map([...last].map(([name, file]) => [name, { ...file, from: inputs.get(name) ?? '' }])));
  return { scripts: hashes.size, linked, unmade };
}

/** What the kept scripts are keyed by: their format (the script text is hashed per file). */
const KEPT_KEY = 'link-previews 1';

/** Where the data scripts are kept between builds, in a build's cache folder. */
export const keptPreviewsDir = (cacheDir: string): string => path.join(cacheDir, 'site-pass', 'previews-out');
