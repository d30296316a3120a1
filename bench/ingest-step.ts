/**
 * The ingest side of the benchmark: a fresh content folder holding the seed entities (which the
 * generated text mentions) and the seed sources (every page's footer links to the main one),
 * then the real ingest CLI, timed like the build.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { parseFrontmatter } from '../src/content/frontmatter.ts';
import { createEntityMatcher } from '../src/markdown/entity-matcher.ts';
import { loadEntityTerms } from '../src/markdown/entity-terms.ts';
import { runMeasured, type Measured } from './measure.ts';

export const ROOT = path.resolve(import.meta.dirname, '..');

/** Ingests `textFile` as source `sourceId` into a fresh `contentDir` with `npm run ingest`. */
export async function ingestInto(contentDir: string, textFile: string, sourceId: string, logFile: string): Promise<Measured> {
  fs.rmSync(contentDir, { recursive: true, force: true });
  fs.mkdirSync(path.join(contentDir, 'sources'), { recursive: true });
  fs.cpSync(path.join(ROOT, 'content', 'entities'), path.join(contentDir, 'entities'), { recursive: true });
  for (const file of fs.readdirSync(path.join(ROOT, 'content', 'sources'))) {
    fs.cpSync(path.join(ROOT, 'content', 'sources', file), path.join(contentDir, 'sources', file));
  }
  const measured = await runMeasured('npm', ['run', 'ingest', '--silent', '--', textFile, '--id', sourceId], {
    cwd: ROOT,
    env: { ...process.env, SITE_CONTENT_DIR: contentDir },
    logFile,
  });
  dropUnnamedEntities(contentDir);
  return measured;
}

/**
 * Deletes the seed entities that no generated section names (by a name or alias in its file, or
 * by id in its frontmatter): the build fails on an entity nothing names, as an editor's would, and
 * the generated text names only some of the seed's entities.
 */
export function dropUnnamedEntities(contentDir: string): string[] {
  const dir = path.join(contentDir, 'sections');
  const texts = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
  const terms = loadEntityTerms(contentDir);
  const matcher = createEntityMatcher(terms);
  const named = new Set<string>();
  for (const text of texts) for (const m of matcher.find(text)) named.add(m.entityId);
  const dropped = new Set(terms.map((t) => t.id).filter((id) => !named.has(id) && !texts.some((t) => t.includes(id))));
  const entitiesDir = path.join(contentDir, 'entities');
  for (const file of fs.readdirSync(entitiesDir)) {
    const full = path.join(entitiesDir, file);
    if (dropped.has(file.replace(/\.ya?ml$/, ''))) {
      fs.rmSync(full);
      continue;
    }
    // A kept entity's `related` list must not name a dropped one.
    const doc = parseDocument(fs.readFileSync(full, 'utf8'));
    const related = doc.get('related') as { items: { value: unknown }[] } | undefined;
    if (!related?.items?.some((item) => dropped.has(String(item.value)))) continue;
    related.items = related.items.filter((item) => !dropped.has(String(item.value)));
    fs.writeFileSync(full, doc.toString());
  }
  return [...dropped];
}

/** How many of the ingest's drafts carry candidate repairs: the generated text must lose numbers as the scraper does. */
export interface DraftRepairs {
  drafts: number;
  draftsWithRepairs: number;
  repairs: number;
}

/** Counts the sections among `files` (`sections/**.mdx`, as the ingest plans or writes them) and the repairs in their frontmatter. */
export function countRepairs(files: readonly { path: string; content: string }[]): DraftRepairs {
  const counts: DraftRepairs = { drafts: 0, draftsWithRepairs: 0, repairs: 0 };
  for (const file of files.filter((f) => /^sections\/.*\.mdx$/.test(f.path))) {
    const parsed = parseFrontmatter(file.content);
    if (!parsed.ok) throw new Error(`bench: the ingest wrote ${file.path} with unreadable frontmatter: ${parsed.message}`);
    const repairs = (parsed.data as { repairs?: unknown[] }).repairs ?? [];
    counts.drafts++;
    counts.repairs += repairs.length;
    if (repairs.length > 0) counts.draftsWithRepairs++;
  }
  return counts;
}

/** {@link countRepairs} over the section files of `contentDir`. */
export function countDraftRepairs(contentDir: string): DraftRepairs {
  const dir = path.join(contentDir, 'sections');
  const files = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mdx'));
  return countRepairs(files.map((f) => ({ path: `sections/${f.split(path.sep).join('/')}`, content: fs.readFileSync(path.join(dir, f), 'utf8') })));
}
