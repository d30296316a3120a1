/**
 * The content loaders (Astro's Content Loader API) for one content folder: `sections`, `entities`,
 * `sources` and `site`.
 *
 * They own the content layer's state for the folder they are given, and nothing else: each load
 * stores exactly the entries of that folder and deletes every other entry, so a store left by a
 * build of another folder can never leak into this one. The store keeps entries from one build to
 * the next (and in dev from one edit to the next); a section is rendered again only when its
 * digest changes, and the digest covers everything its HTML depends on: its file's bytes, the
 * names and aliases of the entities its text names, and the code and packages of the renderer.
 *
 * Sections are parsed with MDX's syntax and the site's plugins and rendered to HTML with their
 * headings and analysis (src/markdown/render-section.ts), so no section is ever a JavaScript
 * module. The store holds each section's data and digest; its render goes to a file named by the
 * digest in the build's cache folder (section-renders.ts, which says why), where pages read it.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { checkedContent, type CheckedContent } from './checked-content.ts';
import { ContentError } from './content-error.ts';
import type { Problem } from './problems.ts';
import { createEntityMatcher, type EntityMatcher, type EntityTerms } from '../markdown/entity-matcher.ts';
import { termsOf } from '../markdown/entity-terms.ts';
import { entityMatchKey, type SectionSource } from '../markdown/render-section.ts';
import { renderSections } from './render-pool.ts';
import type { ValidSection } from './validate.ts';
import { toStoredAnalysis } from '../markdown/stored-analysis.ts';
import { pruneSectionRenders, readSectionFacts, sectionRendersOnDisk, writeSectionRender } from './section-renders.ts';
import { openLinkTextCache, type LinkTextCache } from './link-text-cache.ts';
import { entityFields } from './validate.ts';
import { sectionIdPath } from '../lib/urls.ts';
import { codeDigest } from '../lib/code-digest.ts';
import { entitySchema } from '../schemas/entity.ts';
import { sectionSchema } from '../schemas/section.ts';
import { siteSchema } from '../schemas/site.ts';
import { sourceSchema } from '../schemas/source.ts';

/** The sections loader's meta key for the hash of the entity terms its stored digests were made with. */
const TERMS_KEY = 'entity-terms';

/** The id of the one entry of the `site` collection. */
export const SITE_ENTRY_ID = 'site';

/** Sections of `dir`: validated, rendered to HTML with their analysis, kept while their digest holds. */
export function sectionsLoader(dir: string): Loader {
  return {
    name: 'sections',
    schema: sectionSchema,
    load: (context) => {
      // Opened once per loader: in dev the same cache serves every reload.
      const linkTexts = openLinkTextCache(cacheDirOf(context));
      return watched(context, dir, () => loadSections(context, dir, linkTexts));
    },
  };
}

/** Entities of `dir` (`entities/*.yaml`), validated. */
export function entitiesLoader(dir: string): Loader {
  return {
    name: 'entities',
    schema: entitySchema,
    load: (context) => watched(context, dir, () => syncEntries(context, checkedContent(dir, cacheDirOf(context), !context.watcher).content.entities)),
  };
}

/** Source manifests of `dir` (`sources/*.yaml`), validated. */
export function sourcesLoader(dir: string): Loader {
  return {
    name: 'sources',
    schema: sourceSchema,
    load: (context) => watched(context, dir, () => syncEntries(context, checkedContent(dir, cacheDirOf(context), !context.watcher).content.sources)),
  };
}

/** `site.yaml` of `dir` (or its defaults), as one entry with id {@link SITE_ENTRY_ID}. */
export function siteLoader(dir: string): Loader {
  return {
    name: 'site',
    schema: siteSchema,
    load: (context) => watched(context, dir, () => syncEntries(context, new Map([[SITE_ENTRY_ID, { data: checkedContent(dir, cacheDirOf(context), !context.watcher).content.site }]]))),
  };
}

/** The build's own cache folder (src/lib/build-dirs.ts), where the loaders keep what is not content-store data. */
const cacheDirOf = (context: LoaderContext): string => fileURLToPath(context.config.cacheDir);

/**
 * Runs `load` now and, in dev, again whenever a file of `dir` changes. A failing reload in dev is
 * logged with the project's report; the pages then show the same report (src/lib/site-data.ts).
 */
async function watched(context: LoaderContext, dir: string, load: () => Promise<void> | void): Promise<void> {
  await load();
  const watcher = context.watcher;
  if (!watcher) return;
  watcher.add(dir);
  const inDir = (file: string) => !path.relative(dir, file).startsWith('..');
  const reload = async (file: string) => {
    if (!inDir(file)) return;
    try {
      await load();
    } catch (error) {
      context.logger.error(error instanceof Error ? error.message : String(error));
    }
  };
  for (const event of ['change', 'add', 'unlink'] as const) watcher.on(event, (file: string) => void reload(file));
}

/** Stores each entry of `entries` (skipping unchanged ones) and deletes every other entry. */
function syncEntries(context: LoaderContext, entries: ReadonlyMap<string, { data: object }>): void {
  const { store } = context;
  for (const [id, { data }] of entries) {
    const plain = data as Record<string, unknown>;
    const digest = context.generateDigest(JSON.stringify(plain));
    if (store.get(id)?.digest === digest) continue;
    store.set({ id, data: plain, digest });
  }
  for (const id of store.keys()) if (!entries.has(id)) store.delete(id);
}

async function loadSections(context: LoaderContext, dir: string, linkTexts: LinkTextCache): Promise<void> {
  const started = Date.now();
  const checked = checkedContent(dir, cacheDirOf(context), !context.watcher);
  const { content } = checked;
  const { store } = context;
  const terms = [...content.entities].map(([id, { data }]) => termsOf(id, data));
  const matcher = matcherOrReport(checked, terms);
  // Every stored digest was made with the entity terms of the last completed load, recorded in the
  // store's own meta (so it always describes this store): with the same terms, a section whose
  // text digest is unchanged keeps its digest without searching its text again. Before a load
  // with new terms the record goes, so a load stopped halfway leaves nothing to trust.
  const termsKey = crypto.createHash('sha256').update(JSON.stringify(terms)).digest('hex');
  const sameTerms = context.meta.get(TERMS_KEY) === termsKey;
  if (!sameTerms) context.meta.delete(TERMS_KEY);
  const root = fileURLToPath(context.config.root);
  const problems: Problem[] = [...checked.problems];
  let rendered = 0;
  const cacheDir = cacheDirOf(context);
  const textDigests = new Set<string>();
  const digests = new Set<string>();
  const toRender: { id: string; section: ValidSection; textDigest: string; source: SectionSource }[] = [];
  // One listing of the renders folder, not two file checks per section (0.15 s at 5,000 sections).
  const rendersOnDisk = sectionRendersOnDisk(cacheDir);
  const sameMatches = (keptDigest: string, textDigest: string, segments: string[] | undefined, frontmatter: { repairs: ValidSection['data']['repairs'] }) =>
    segments !== undefined && keptDigest === sectionDigest(textDigest, entityMatchKey(matcher, segments, frontmatter));
  for (const [id, section] of content.sections) {
    const frontmatter = { repairs: section.data.repairs };
    const textDigest = sectionTextDigest(id, section.text);
    textDigests.add(textDigest);
    const kept = store.get(id);
    const keptDigest = typeof kept?.digest === 'string' ? kept.digest : undefined;
    // Same text and renderer, and the entities match its text exactly as before: the same page.
    // With the same terms they do; with new ones, the texts searched last time tell (none kept:
    // rendered again).
    if (keptDigest?.startsWith(`${textDigest}.`) && rendersOnDisk.has(keptDigest)
      && (sameTerms || sameMatches(keptDigest, textDigest, linkTexts.get(textDigest), frontmatter))) {
      digests.add(keptDigest);
      continue;
    }
    toRender.push({ id, section, textDigest, source: { filePath: section.absolute, page: sectionIdPath(id), body: section.body, bodyStartLine: section.bodyStartLine, frontmatter } });
  }
  const { outcomes, threads } = await renderSections(toRender.map((r) => r.source), terms, termsKey);
  toRender.forEach(({ id, section, textDigest, source }, i) => {
    const outcome = outcomes[i];
    if (!outcome) throw new Error(`The render pool returned no result for section ${id}.`);
    if (!outcome.ok) {
      problems.push(syntaxProblem(section.file, outcome));
      return;
    }
    const out = outcome.render;
    const digest = sectionDigest(textDigest, entityMatchKey(matcher, out.linkSegments, source.frontmatter));
    writeSectionRender(cacheDir, digest, { html: out.html, headings: out.headings, analysis: toStoredAnalysis(out.analysis, out.repairEntities) });
    store.set({
      id,
      data: storedData(section.data),
      digest,
      filePath: path.relative(root, section.absolute).split(path.sep).join('/'),
    });
    linkTexts.set(textDigest, out.linkSegments);
    digests.add(digest);
    rendered++;
  });
  for (const id of store.keys()) if (!content.sections.has(id)) store.delete(id);
  linkTexts.save(textDigests);
  // Set only when it changed: every set makes Astro serialise and compare the whole store again.
  if (!sameTerms) context.meta.set(TERMS_KEY, termsKey);
  if (problems.length === 0) problems.push(...unnamedEntityProblems(checked, store, cacheDir));
  // Renders of sections no longer in the folder (or of their earlier texts) go; dev keeps none either.
  if (problems.length === 0) pruneSectionRenders(cacheDir, digests);
  if (problems.length) throw new ContentError(dir, problems);
  context.logger.info(summary(checked, rendered, threads, Date.now() - started));
}

/**
 * Every entity must be named by some section, in its text, a repair or its fact box, so its page
 * leads somewhere: an entity nothing names is reported on its file.
 */
function unnamedEntityProblems(checked: CheckedContent, store: LoaderContext['store'], cacheDir: string): Problem[] {
  const named = new Set<string>();
  for (const [id, section] of checked.content.sections) {
    for (const [, ids] of entityFields(section.data)) for (const e of ids) named.add(e);
    const digest = store.get(id)?.digest;
    if (typeof digest !== 'string') continue;
    const { analysis } = readSectionFacts(cacheDir, id, digest);
    for (const m of analysis.mentions) named.add(m.entityId);
    for (const e of analysis.repairEntities) named.add(e);
  }
  return [...checked.content.entities]
    .filter(([id]) => !named.has(id))
    .map(([id, { file, data }]) => ({
      file,
      field: '(file)',
      expected: 'an entity that some section names: in its text, in a repair, or in its fact box (entities, actors, places…)',
      found: `no section naming "${data.name}"${data.aliases.length ? ` or ${data.aliases.map((a) => `"${a}"`).join(', ')}` : ''}`,
      hint: `add "${id}" to the \`entities\` list of a section about it, add the name as it is written in the text to \`aliases\`, or delete ${file}.`,
    }));
}

/**
 * The one matcher over every entity's terms. A term two entities share cannot make one; the check
 * has reported it by file and field, so the report is thrown instead of the matcher's error.
 */
function matcherOrReport(checked: CheckedContent, terms: EntityTerms[]): EntityMatcher {
  try {
    return createEntityMatcher(terms);
  } catch (error) {
    if (checked.problems.length) throw new ContentError(checked.dir, checked.problems);
    throw error;
  }
}

function summary(checked: CheckedContent, rendered: number, threads: number, ms: number): string {
  const { content } = checked;
  return `content OK: ${content.sections.size} sections (${rendered} rendered${threads > 1 ? ` on ${threads} threads` : ''}, ${content.sections.size - rendered} unchanged), ${content.entities.size} entities, ${content.sources.size} sources in ${checked.dir} (${ms} ms)`;
}

function syntaxProblem(file: string, error: { message: string; line: number | undefined; column: number | undefined }): Problem {
  const [found, hint] = error.message.split(/\s*Hint:\s*/);
  return {
    file,
    field: '(body)',
    expected: 'source text, with { } < > escaped',
    found: `${(found ?? error.message).replace(/\.$/, '')}${error.column ? ` (column ${error.column})` : ''}`,
    hint: hint ?? 'fix the text at that line, or escape { } < > as \\{ \\} \\< \\>.',
    line: error.line,
  };
}

/**
 * What a section's page depends on, in two parts: its id (its page), its file's bytes and the
 * renderer's code and packages ({@link sectionTextDigest}); and how the current entities match the
 * texts its linker searched and its repairs (`entityMatchKey`). A rename re-renders exactly the
 * sections whose links or repair names it changes; the digest of the entry changes with either.
 */
function sectionTextDigest(id: string, text: string): string {
  return crypto.createHash('sha256').update(JSON.stringify([rendererDigest(), STORED_DATA, id, text])).digest('hex');
}

/**
 * What of a section's frontmatter the store keeps: all of it but the fields no page reads. A
 * draft's `classification` (why ingest chose its topic, for `npm run review`, which reads the
 * files) was half of a 5,000-section store, which Astro bundles into every build and loads into
 * every page render. The file is validated whole all the same. Change {@link STORED_DATA} with it.
 */
function storedData(data: ValidSection['data']): Record<string, unknown> {
  const { classification: _forReview, ...kept } = data as ValidSection['data'] & { classification?: string };
  return kept as Record<string, unknown>;
}

/** Names what {@link storedData} keeps, in every section's digest: entries stored otherwise are stored again. */
const STORED_DATA = 'frontmatter without classification';

/** `<text digest>.<hash of the entity matches>`: the text part lets a load tell a kept section's text without reading its render. */
function sectionDigest(textDigest: string, matchKey: string): string {
  return `${textDigest}.${crypto.createHash('sha256').update(matchKey).digest('hex').slice(0, 32)}`;
}

let rendererHash: string | undefined;

/** A hash of the renderer's code (src/markdown, src/schemas, the URL and text helpers it uses) and the lock file. */
function rendererDigest(): string {
  // The renderer, the schemas it validates repairs and anchors with, and the helpers it imports.
  rendererHash ??= codeDigest('renderer', ['markdown', 'schemas', 'lib/urls.ts', 'lib/sentences.ts', 'lib/text.ts', '../package-lock.json']);
  return rendererHash;
}
