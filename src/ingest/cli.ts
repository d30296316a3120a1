/**
 * `npm run ingest -- <scraped.txt> --id <source-id> [--force] [--dry-run]`
 *
 * Turns a scraped text into a source (`sources/<id>.txt`, byte for byte), its manifest
 * (`sources/<id>.yaml`) and draft sections in the content folder ($SITE_CONTENT_DIR or
 * content/). Exit codes: 0 done, 2 bad input or a file in the way (nothing written), 1 a bug.
 * See docs/ingest.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { contentDir } from '../lib/content-dir.ts';
import { SLUG_PATTERN } from '../schemas/ids.ts';
import { existsIn, readContentState } from './content-state.ts';
import { decodeScrapedText } from './decode.ts';
import { IngestError } from './errors.ts';
import { planIngest, sourceFiles } from './plan.ts';
import { formatSummary } from './summary.ts';
import { writeAtomically } from './write.ts';
import { corroborateForIngest, ORIGIN_OPTIONS, ORIGIN_USAGE, originOf, type Origin } from './corroborate/at-ingest.ts';

const USAGE = `usage: npm run ingest -- <scraped.txt> --id <source-id> ${ORIGIN_USAGE} [--force] [--dry-run]`;
const PROGRESS_FROM_BYTES = 1024 * 1024;

function main(argv: string[]): number {
  const args = parseCli(argv);
  const dir = contentDir();
  const bytes = readInput(args.file);
  const text = decodeScrapedText(bytes, args.file);
  if (!SLUG_PATTERN.test(args.id)) throw new IngestError(`--id "${args.id}" is not a slug: use lower-case letters, digits and single hyphens, e.g. --id nato-russia-2019.`);
  const source = sourceFiles(args.id);
  const used = [source.text, source.manifest].filter((f) => existsIn(dir, f));
  if (used.length && !args.force) throw new IngestError(`The source id "${args.id}" is already used (${used.join(', ')} in ${dir}). Pick another --id, or pass --force to replace it and its draft sections.`);

  const state = readContentState(dir, args.id);
  const large = bytes.length >= PROGRESS_FROM_BYTES;
  const started = Date.now();
  const plan = planIngest(text, {
    id: args.id,
    entities: state.entities,
    takenSectionIds: state.takenSectionIds,
    origin: args.origin,
    ...(large ? { onProgress: (done: number, stage: string) => process.stderr.write(`ingest: ${Math.round(done * 100)}% (${stage})\n`) } : {}),
  });
  const replaced = new Set(args.force ? state.earlierDrafts : []);
  const inTheWay = plan.files.map((f) => f.path).filter((f) => existsIn(dir, f) && !args.force && !replaced.has(f));
  if (inTheWay.length) throw new IngestError(`Would overwrite ${inTheWay.length} existing file(s) in ${dir}: ${inTheWay.slice(0, 5).join(', ')}${inTheWay.length > 5 ? ', …' : ''}. Pass --force to replace them.`);

  for (const skipped of state.skippedEntities) process.stderr.write(`ingest: note: ${skipped} is not a valid entity; not used\n`);
  // The source text is written from the bytes read, so it is byte for byte the input.
  const planned = plan.files.map((f) => (f.path === source.text ? { ...f, content: Buffer.from(bytes).toString('utf8') } : f));
  const corroborated = corroborateForIngest(dir, args.id, text, planned);
  if (args.dryRun) {
    process.stdout.write(`Dry run: would write into ${dir}:\n${corroborated.files.map((f) => `  ${f.path} (${Buffer.byteLength(f.content)} bytes)`).join('\n')}\n`);
    if (replaced.size) process.stdout.write(`and remove earlier drafts of "${args.id}" not rewritten: ${[...replaced].filter((r) => !plan.files.some((f) => f.path === r)).join(', ') || 'none'}\n`);
  } else {
    writeAtomically(dir, corroborated.files, [...replaced]);
  }
  process.stdout.write(`${formatSummary(plan.summary, { file: args.file, dir, dryRun: args.dryRun, files: corroborated.files.length, seconds: (Date.now() - started) / 1000 })}\n`);
  process.stdout.write(`${corroborated.lines.join('\n')}\n`);
  return 0;
}

function parseCli(argv: string[]): { file: string; id: string; force: boolean; dryRun: boolean; origin: Origin } {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { id: { type: 'string' }, ...ORIGIN_OPTIONS, force: { type: 'boolean', default: false }, 'dry-run': { type: 'boolean', default: false } } });
  } catch (error) {
    throw new IngestError(`${(error as Error).message}\n${USAGE}`);
  }
  const [file, ...extra] = parsed.positionals;
  if (!file || extra.length) throw new IngestError(`expected exactly one input file, found ${parsed.positionals.length}.\n${USAGE}`);
  if (!parsed.values.id) throw new IngestError(`missing --id <source-id>.\n${USAGE}`);
  const { title, publisher, url, date } = parsed.values;
  return { file, id: parsed.values.id, force: parsed.values.force, dryRun: parsed.values['dry-run'], origin: originOf({ title, publisher, url, date }) };
}

function readInput(file: string): Uint8Array {
  const resolved = path.resolve(file);
  if (!fs.existsSync(resolved)) throw new IngestError(`${file}: no such file. Give the path of the scraped text.`);
  if (!fs.statSync(resolved).isFile()) throw new IngestError(`${file} is not a file. Give the path of the scraped text.`);
  return fs.readFileSync(resolved);
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof IngestError)) throw error;
  process.stderr.write(`ingest: ${error.message}\n`);
  process.exitCode = 2;
}
