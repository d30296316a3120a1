/**
 * Proof by comparison: random edits to a copy of the content, and after each one a warm build
 * (reusing the content store and the pages of the build before) compared file by file with a
 * clean build of the same content. They must be byte-identical, and the warm build must reuse
 * pages (else the cache would be proven only by never being used).
 *
 * `INCREMENTAL_EDITS=<n>` runs more edits, `INCREMENTAL_SEED=<n>` replays a sequence; the seed is
 * printed with every run.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isSeq, parseDocument } from 'yaml';
import { buildSite, tempBuildRoot } from '../helpers/temp-build.ts';
import { fileHashes, filesUnder } from '../helpers/site.ts';
import { buildDirs } from '../../src/lib/build-dirs.ts';
import { readBuildLog } from '../../bench/build-log.ts';
import { createRandom } from '../../bench/random.ts';
import { removeOrphanEntities } from '../helpers/orphans.ts';

const root = path.resolve(import.meta.dirname, '../..');
const work = tempBuildRoot('incremental');
const content = path.join(work, 'content');
const warmDist = path.join(work, 'warm');
const EDITS = Number(process.env.INCREMENTAL_EDITS ?? 8);
const SEED = Number(process.env.INCREMENTAL_SEED ?? Date.now() % 100_000);
// One citation date for every build, so builds on either side of midnight compare.
const ENV = { SITE_CONTENT_DIR: content, LINKS_LOCK_CHECK: 'off', SOURCE_DATE_EPOCH: '1767225600' };
const cleanCaches: string[] = [];
afterAll(() => {
  fs.rmSync(work, { recursive: true, force: true });
  for (const dir of cleanCaches) fs.rmSync(dir, { recursive: true, force: true });
});

// The bench's seeded generator (mulberry32), so a failing sequence can be replayed.
const random = createRandom(SEED);
const rand = random.next;
const pick = <T,>(list: readonly T[]): T => random.pick(list);

const sectionFiles = () => filesUnder(path.join(content, 'sections')).filter((f) => f.endsWith('.mdx')).sort();
const read = (rel: string) => fs.readFileSync(path.join(content, rel), 'utf8');
const write = (rel: string, text: string) => fs.writeFileSync(path.join(content, rel), text);
const idOf = (file: string) => file.replace(/\.mdx$/, '').split(path.sep).join('/');
const referenced = (id: string) => sectionFiles().some((f) => read(`sections/${f}`).includes(id) && idOf(f) !== id);

/** Every section file's text with `from` (a section id) replaced by `to` in related lists. */
function renameReferences(from: string, to: string): void {
  for (const f of sectionFiles()) {
    const rel = `sections/${f}`;
    write(rel, read(rel).replace(new RegExp(`^- ${from}$`, 'gm'), `- ${to}`));
  }
}

const EDIT_KINDS: Record<string, () => string> = {
  sentence() {
    const f = pick(sectionFiles());
    const rel = `sections/${f}`;
    const lines = read(rel).split('\n');
    const paragraphs = lines.map((l, i) => [l, i] as const).filter(([l]) => / \{\/\* #p-[a-z0-9-]+ \*\/\}$/.test(l));
    const [line, i] = pick(paragraphs);
    lines[i] = line.replace(/ \{\/\*/, ' Indeed so. {/*');
    write(rel, lines.join('\n'));
    return `a sentence added to ${f}`;
  },
  title() {
    const f = pick(sectionFiles());
    write(`sections/${f}`, read(`sections/${f}`).replace(/^title: (.*)$/m, (_m, t: string) => `title: ${t.replace(/^['"]|['"]$/g, '')} (edited)`));
    return `title of ${f}`;
  },
  repair() {
    const withRepairs = sectionFiles().filter((f) => /^ {2}note: /m.test(read(`sections/${f}`)));
    const f = pick(withRepairs);
    // Words go in right after the opening quote (or before a plain value), so a quoted note that
    // runs over several lines, or holds ": ", stays the same valid YAML.
    write(`sections/${f}`, read(`sections/${f}`).replace(/^( {2}note: )(['"]?)/m, (_m, k: string, quote: string) => `${k}${quote}Checked again. `));
    return `a repair note in ${f}`;
  },
  entityRename() {
    const f = pick(filesUnder(path.join(content, 'entities')).filter((e) => e.endsWith('.yaml')));
    const rel = `entities/${f}`;
    // Through the YAML document, not by lines: an earlier edit may have written the file back with
    // its lists indented (tests/helpers/orphans.ts), and an alias put in at the first column then
    // broke the file (seed 16515).
    const doc = parseDocument(read(rel));
    const name = String(doc.get('name'));
    doc.set('name', `${name} (renamed)`);
    // The old name stays as an alias, so the text's mentions still link.
    const aliases = doc.get('aliases');
    if (isSeq(aliases)) aliases.items.unshift(doc.createNode(name));
    else doc.set('aliases', [name]);
    write(rel, doc.toString());
    return `entity ${f} renamed`;
  },
  addSection() {
    const f = pick(sectionFiles().filter((s) => !/^aliases:\n- /m.test(read(`sections/${s}`))));
    const target = f.replace(/\.mdx$/, `-copy${Math.floor(rand() * 1000)}.mdx`);
    write(`sections/${target}`, read(`sections/${f}`).replace(/^title: (.*)$/m, (_m, t: string) => `title: ${t.replace(/^['"]|['"]$/g, '')} (copy)`));
    return `section ${target} added`;
  },
  renameSection() {
    const f = pick(sectionFiles());
    const to = f.replace(/\.mdx$/, '-moved.mdx');
    const old = idOf(f).split('/')[1] ?? '';
    let text = read(`sections/${f}`);
    text = /^aliases:\n/m.test(text) ? text.replace(/^aliases:\n/m, `aliases:\n- ${old}\n`) : text.replace(/^---\n/, `---\naliases:\n- ${old}\n`);
    fs.rmSync(path.join(content, 'sections', f));
    write(`sections/${to}`, text);
    renameReferences(idOf(f), idOf(to));
    return `section ${f} renamed to ${to}`;
  },
  deleteSection() {
    const unreferenced = sectionFiles().filter((f) => !referenced(idOf(f)));
    const f = unreferenced.length ? pick(unreferenced) : pick(sectionFiles());
    fs.rmSync(path.join(content, 'sections', f));
    for (const s of sectionFiles()) {
      const rel = `sections/${s}`;
      write(rel, read(rel).replace(new RegExp(`^- ${idOf(f)}\\n`, 'gm'), '').replace(/^related:\n(?!- )/m, 'related: []\n'));
    }
    const orphans = removeOrphanEntities(content);
    return `section ${f} deleted${orphans.length ? ` with the entities only it named (${orphans.join(', ')})` : ''}`;
  },
  related() {
    const files = sectionFiles();
    const f = pick(files);
    const other = idOf(pick(files.filter((o) => o !== f && !read(`sections/${f}`).includes(`- ${idOf(o)}\n`))));
    const text = read(`sections/${f}`);
    const next = /^related:\n/m.test(text)
      ? text.replace(/^related:\n/m, `related:\n- ${other}\n`)
      : text.replace(/^related: \[\]\n/m, '').replace(/^---\n/, `---\nrelated:\n- ${other}\n`);
    write(`sections/${f}`, next);
    return `${f} now related to ${other}`;
  },
};

/** A clean build of the content as it is now: a fresh output folder, so a fresh cache. */
function cleanBuild(step: number): Map<string, string> {
  const out = path.join(work, `clean-${step}`);
  cleanCaches.push(buildDirs({ ...process.env, ...ENV, SITE_OUT_DIR: out }, root).cacheDir);
  const built = buildSite(out, ENV);
  expect(built.status, built.output).toBe(0);
  const hashes = fileHashes(out);
  fs.rmSync(out, { recursive: true, force: true });
  return hashes;
}

describe(`warm builds after random edits (seed ${SEED}, ${EDITS} edits)`, () => {
  it('are byte-identical to clean builds of the same content, and reuse pages', () => {
    console.log(`[incremental] seed ${SEED}; replay with INCREMENTAL_SEED=${SEED}`);
    fs.cpSync(path.join(root, 'content'), content, { recursive: true });
    const first = buildSite(warmDist, ENV);
    expect(first.status, first.output).toBe(0);
    let reusedSomewhere = false;
    let notReadSomewhere = false;
    // Every kind of edit once, in a random order, then random kinds.
    const order = Object.keys(EDIT_KINDS).sort(() => rand() - 0.5);
    for (let step = 1; step <= EDITS; step++) {
      const kind = step <= order.length ? (order[step - 1] as string) : pick(Object.keys(EDIT_KINDS));
      const what = EDIT_KINDS[kind]?.() ?? '';
      const warm = buildSite(warmDist, ENV);
      expect(warm.status, `${what}: ${warm.output}`).toBe(0);
      const { pagesReused: reused, pagesNotRead: notRead } = readBuildLog(warm.output);
      if (reused > 0) reusedSomewhere = true;
      // Reused pages the site pass knew by their cacheKey and did not read: their stored results must still give a clean build's indexes and links.json.
      if (notRead > 0) notReadSomewhere = true;
      console.log(`[incremental] step ${step}: ${what}; ${reused} pages reused, ${notRead} of them not read`);
      expect(fileHashes(warmDist), `after ${what} (seed ${SEED}, step ${step})`).toEqual(cleanBuild(step));
    }
    expect(reusedSomewhere).toBe(true);
    expect(notReadSomewhere).toBe(true);
  }, 900_000);
});
