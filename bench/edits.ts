/**
 * The edits an editor makes between two builds, applied to a benchmark's content folder in place,
 * each the smallest change of its kind and the same on every run (the section picked is the one in
 * the middle of the sorted file list; the entity is named). In a run of several rounds
 * (`npm run bench -- --runs N`) each round makes a new edit of each kind: round `run` (from 0) takes
 * the section `run` places after the middle one, so no two rounds touch the same section, and
 * renames the entity again:
 *
 * - a section's text: one sentence added to one paragraph;
 * - a section added: a copy of a section under a new slug and title;
 * - an entity renamed: a new `name`, the old one kept in `aliases` so the text's mentions still link.
 *
 * Each returns a line saying what it changed, for the benchmark's table.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';

/** Every section file under `contentDir`, relative to its `sections/` folder, sorted. */
function sectionFiles(contentDir: string): string[] {
  const dir = path.join(contentDir, 'sections');
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mdx')).sort();
}

/** What marks the name of a section the bench added. */
const ADDED_MARK = '-added';

/** The file name of the copy of `rel` the bench adds in round `run`: `-added`, then `-added-2`, … */
const addedName = (rel: string, run: number): string => rel.replace(/\.mdx$/, `${ADDED_MARK}${run === 0 ? '' : `-${run + 1}`}.mdx`);

/** A section the bench added, named by {@link addedName} (its copies are not picked again). */
const ADDED = new RegExp(`${ADDED_MARK}(?:-\\d+)?\\.mdx$`);

/** The section `run` places after the middle one of the sorted list of the folder's own sections. */
function pickSection(contentDir: string, run: number): string {
  const files = sectionFiles(contentDir).filter((f) => !ADDED.test(f));
  const file = files[(Math.floor(files.length / 2) + run) % Math.max(files.length, 1)];
  if (file === undefined) throw new Error(`bench: ${contentDir}/sections holds no .mdx file to edit; did the ingest write any?`);
  return file;
}

/** A paragraph line of a section body ends with its anchor, `{/* #p-... *\/}`. */
const PARAGRAPH_END = / \{\/\* #p-[a-z0-9-]+ \*\/\}$/;

/** Adds a sentence to the first paragraph of the middle section (round `run`: `run` sections after it). */
export function editSectionText(contentDir: string, run = 0): string {
  const rel = pickSection(contentDir, run);
  const file = path.join(contentDir, 'sections', rel);
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const at = lines.findIndex((line) => PARAGRAPH_END.test(line));
  if (at < 0) throw new Error(`bench: ${file} has no paragraph ending with a {/* #p-... */} anchor to add a sentence to`);
  lines[at] = (lines[at] ?? '').replace(PARAGRAPH_END, (anchor) => ` An editor checked this paragraph again.${anchor}`);
  fs.writeFileSync(file, lines.join('\n'));
  return `a sentence added to ${rel}`;
}

/** Splits a content file into its frontmatter (a YAML document) and body. */
function splitFile(file: string): { frontmatter: ReturnType<typeof parseDocument>; body: string } {
  const text = fs.readFileSync(file, 'utf8');
  const end = text.indexOf('\n---\n', 3);
  if (!text.startsWith('---\n') || end < 0) throw new Error(`bench: ${file} has no frontmatter block between "---" lines`);
  return { frontmatter: parseDocument(text.slice(4, end + 1)), body: text.slice(end + 5) };
}

/**
 * Copies the middle section (round `run`: `run` sections after it) to `<slug>-added.mdx` in its
 * topic (`-added-<run + 1>` in a later round), titled "<title> (added)", with no aliases.
 */
export function addSection(contentDir: string, run = 0): string {
  const rel = pickSection(contentDir, run);
  const target = addedName(rel, run);
  const { frontmatter, body } = splitFile(path.join(contentDir, 'sections', rel));
  frontmatter.set('title', `${String(frontmatter.get('title'))} (added)`);
  frontmatter.delete('aliases');
  fs.writeFileSync(path.join(contentDir, 'sections', target), `---\n${frontmatter.toString()}---\n${body}`);
  return `section ${target} added`;
}

/** Renames entity `id`, keeping its old name as the first alias (each round renames it again, from the name it has). */
export function renameEntity(contentDir: string, id: string): string {
  const file = path.join(contentDir, 'entities', `${id}.yaml`);
  if (!fs.existsSync(file)) throw new Error(`bench: no entity ${file} to rename; pass --rename <entity id> with one of ${contentDir}/entities/*.yaml`);
  const doc = parseDocument(fs.readFileSync(file, 'utf8'));
  const name = String(doc.get('name'));
  const aliases = (doc.toJS() as { aliases?: string[] }).aliases ?? [];
  doc.set('name', `${name} (renamed)`);
  doc.set('aliases', [name, ...aliases]);
  fs.writeFileSync(file, doc.toString());
  return `entity ${id} renamed from "${name}" to "${name} (renamed)"`;
}
