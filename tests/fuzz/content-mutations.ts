/**
 * Damage to a valid content folder, as fast-check arbitraries: what an editor's slip, a bad merge
 * or a broken tool does to content. Each mutation changes one copy of the content in place and
 * says what it did. Used by tests/reliability/fuzz.test.ts; run more cases with FUZZ_RUNS=<n>.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';

export interface Mutation {
  /** What was done, for the test's report. */
  label: string;
  /** The content-relative file the damage is in. */
  file: string;
  apply(content: string): void;
}

const SECTION_FIELDS = ['title', 'topic', 'summary', 'source', 'lines', 'order', 'related', 'entities', 'repairs'] as const;

function sectionFiles(content: string): string[] {
  const dir = path.join(content, 'sections');
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mdx')).sort().map((f) => `sections/${f.split(path.sep).join('/')}`);
}
function entityFiles(content: string): string[] {
  return fs.readdirSync(path.join(content, 'entities')).filter((f) => f.endsWith('.yaml')).sort().map((f) => `entities/${f}`);
}

const edit = (content: string, file: string, change: (text: string) => string) => {
  const target = path.join(content, file);
  fs.writeFileSync(target, change(fs.readFileSync(target, 'utf8')));
};
/** Replaces the first line `field: …` (and its indented continuation) of the frontmatter. */
const setField = (text: string, field: string, value: string | null) => {
  const pattern = new RegExp(`^${field}:.*\\n(?:(?: {2}|- ).*\\n)*`, 'm');
  if (!pattern.test(text)) return value === null ? text : text.replace(/^---\n/, `---\n${field}: ${value}\n`);
  return text.replace(pattern, value === null ? '' : `${field}: ${value}\n`);
};
/** Appends `line` to the body. */
const appendToBody = (line: string) => (text: string) => `${text.replace(/\n*$/, '\n')}\n${line}\n`;

type Make = (pick: number, content: string) => Mutation;

/** Every kind of damage, each given a number to choose its file and its details. */
export const MUTATIONS: Record<string, Make> = {
  removedField: (n, c) => {
    const file = pickFrom(sectionFiles(c), n);
    const field = pickFrom(['title', 'topic', 'summary', 'source'], n >> 4);
    return { label: `removed required field ${field}`, file, apply: (content) => edit(content, file, (t) => setField(t, field, null)) };
  },
  renamedField: (n, c) => {
    const file = pickFrom(sectionFiles(c), n);
    const field = pickFrom(SECTION_FIELDS, n >> 4);
    return { label: `renamed field ${field} to ${field}x`, file, apply: (content) => edit(content, file, (t) => t.replace(new RegExp(`^${field}:`, 'm'), `${field}x:`)) };
  },
  unknownField: (n, c) => {
    const file = pickFrom(sectionFiles(c), n);
    return { label: 'added an unknown field', file, apply: (content) => edit(content, file, (t) => t.replace(/^---\n/, '---\ncolour: red\n')) };
  },
  mistypedField: (n, c) => {
    const file = pickFrom(sectionFiles(c), n);
    const [field, value] = pickFrom([['order', 'first'], ['lines', 'seven'], ['draft', '"maybe"'], ['related', '42'], ['title', '[a, b]']] as const, n >> 4);
    return { label: `gave ${field} the wrong type`, file, apply: (content) => edit(content, file, (t) => setField(t, field, value)) };
  },
  impossibleDate: (n, c) => {
    const file = pickFrom(sectionFiles(c), n);
    const date = pickFrom(['2015-02-30', '2019-13-01', '1917-00', 'sometime'], n >> 4);
    return { label: `an impossible date ${date}`, file, apply: (content) => edit(content, file, (t) => setField(t, 'dates', `\n- date: '${date}'\n  label: Something happened`)) };
  },
  danglingReference: (n, c) => {
    const file = pickFrom(sectionFiles(c), n);
    const [field, value] = pickFrom([['related', '\n- history/no-such-section'], ['entities', '\n- no-such-entity'], ['source', 'no-such-source']] as const, n >> 4);
    return { label: `a reference in ${field} to something that does not exist`, file, apply: (content) => edit(content, file, (t) => setField(t, field, value)) };
  },
  duplicateAnchor: (n, c) => {
    const file = pickFrom(sectionFiles(c), n);
    return { label: 'a paragraph id used twice', file, apply: (content) => edit(content, file, (t) => {
      const id = /\{\/\* #(p-[a-z0-9-]+)/.exec(t)?.[1] ?? 'p-x';
      return appendToBody(`A repeated paragraph. {/* #${id} */}`)(t);
    }) };
  },
  duplicateAlias: (n, c) => {
    const files = sectionFiles(c);
    const file = pickFrom(files, n);
    const other = pickFrom(files.filter((f) => f !== file && f.split('/')[1] === file.split('/')[1]), n >> 4) ?? file;
    const slug = path.posix.basename(other, '.mdx');
    return { label: `an alias equal to another section's slug (${slug})`, file, apply: (content) => edit(content, file, (t) => setField(t, 'aliases', `\n- ${slug}`)) };
  },
  duplicateEntityName: (n, c) => {
    const entities = entityFiles(c);
    const file = pickFrom(entities, n);
    const other = pickFrom(entities.filter((e) => e !== file), n >> 4) ?? file;
    return { label: `an entity named like ${other}`, file, apply: (content) => edit(content, file, (t) => {
      const name = /^name: (.*)$/m.exec(fs.readFileSync(path.join(content, other), 'utf8'))?.[1] ?? 'X';
      return t.replace(/^name: .*$/m, `name: ${name}`);
    }) };
  },
  brokenYaml: (n, c) => {
    const useEntity = n % 2 === 0;
    const file = useEntity ? pickFrom(entityFiles(c), n >> 1) : pickFrom(sectionFiles(c), n >> 1);
    const damage = pickFrom(['key: [unclosed', 'title: "open quote', '  bad: indentation:', 'a: b: c'], n >> 5);
    return { label: `broken YAML (${damage})`, file, apply: (content) => edit(content, file, (t) => (useEntity ? `${t}${damage}\n` : t.replace(/^---\n/, `---\n${damage}\n`))) };
  },
  mdxSyntax: (n, c) => {
    const file = pickFrom(sectionFiles(c), n);
    const damage = pickFrom(['The talks {began here.', 'Prices rose < 5 per cent and fell.', 'A component <Chart data={x} /> here.', 'import x from "y"', 'export const a = 1', 'A { stray } expression.', 'Closing </div> tag.'], n >> 4);
    return { label: `MDX syntax: ${JSON.stringify(damage)}`, file, apply: (content) => edit(content, file, appendToBody(damage)) };
  },
  emptyFile: (n, c) => {
    const file = n % 2 === 0 ? pickFrom(sectionFiles(c), n >> 1) : pickFrom(entityFiles(c), n >> 1);
    return { label: 'an empty file', file, apply: (content) => fs.writeFileSync(path.join(content, file), '') };
  },
  binaryFile: (n, c) => {
    const file = pickFrom(sectionFiles(c), n);
    const bytes = Buffer.from(Array.from({ length: 256 }, (_, i) => (i * 37 + n) % 256));
    return { label: 'a binary file', file, apply: (content) => fs.writeFileSync(path.join(content, file), bytes) };
  },
  notUtf8: (n, c) => {
    const file = pickFrom(sectionFiles(c), n);
    return { label: 'Latin-1 bytes (not UTF-8)', file, apply: (content) => {
      const text = fs.readFileSync(path.join(content, file));
      fs.writeFileSync(path.join(content, file), Buffer.concat([text, Buffer.from('\nCaf\xe9 au lait.\n', 'latin1')]));
    } };
  },
  bomAndCrlf: (n, c) => {
    const file = pickFrom(sectionFiles(c), n);
    return { label: 'a BOM and CRLF line ends', file, apply: (content) => edit(content, file, (t) => `\uFEFF${t.replace(/\n/g, '\r\n')}`) };
  },
};

function pickFrom<T>(list: readonly T[], n: number): T {
  return list[Math.abs(n) % list.length] as T;
}

/** One mutation of a folder like `content`: a kind and a number that picks its file and details. */
export function mutationArbitrary(content: string): fc.Arbitrary<Mutation> {
  return fc.record({ kind: fc.constantFrom(...Object.keys(MUTATIONS)), n: fc.nat({ max: 1 << 20 }) })
    .map(({ kind, n }) => (MUTATIONS[kind] as Make)(n, content));
}

/** A section of about `bytes` of text: many paragraphs, each with its own id. */
export function hugeSection(bytes: number): string {
  const paragraph = (i: number) => `The delegations met again on day ${i} and agreed to continue the talks on arms control, trade and consular matters. {/* #p-day-${i} */}`;
  const out = ['---', 'title: A very long record of talks', 'topic: history', 'summary: Thousands of paragraphs, to test a section of several megabytes.', 'source: russia-us-relations', 'period:', "  start: '1991'", '---', ''];
  let size = 0;
  for (let i = 1; size < bytes; i++) {
    const p = paragraph(i);
    out.push(p, '');
    size += p.length + 2;
  }
  return out.join('\n');
}
