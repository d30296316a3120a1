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
import { LEDGER_FILE, ledgerContent, readLedger, withoutPaths, withWritten, type Ledger } from './ledger.ts';
import { decideOverwrites, formatDecisions } from './overwrite.ts';
import { decodeScrapedText } from './decode.ts';
import { IngestError } from './errors.ts';
import { planIngest, sourceFiles } from './plan.ts';
import { formatSummary } from './summary.ts';
import { writeAtomically } from './write.ts';
import { linesSharedWithOthers } from './corroborate/corroborate.ts';
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
  if (used.length && !args.force) throw new IngestError(`The source id "${args.id}" is already used (${used.join(', ')} in ${dir}). Pick another --id, or pass --force to replace what ingest wrote there and nobody has edited since.`);

  const state = readContentState(dir, args.id);
  const large = bytes.length >= PROGRESS_FROM_BYTES;
  const started = Date.now();
  const plan = planIngest(text, {
    id: args.id,
    entities: state.entities,
    takenSectionIds: state.takenSectionIds,
    origin: args.origin,
    sharedLines: linesSharedWithOthers(dir, args.id, text),
    ...(large ? { onProgress: (done: number, stage: string) => process.stderr.write(`ingest: ${Math.round(done * 100)}% (${stage})\n`) } : {}),
  });
  const files = plan.files.map((f) => (f.path === source.text ? { ...f, content: Buffer.from(bytes).toString('utf8') } : f));
  const ledger = readLedgerIn(dir);
  const decided = decideOverwrites(dir, ledger, files, args.force ? state.earlierDrafts : [], args.force);
  if (decided.inTheWay.length) throw new IngestError(inTheWayMessage(decided.inTheWay, dir, args.force));

  for (const skipped of state.skippedEntities) process.stderr.write(`ingest: note: ${skipped} is not a valid entity; not used\n`);
  const report = formatDecisions(decided.decisions, args.dryRun);
  // Repairs from the other sources: into the new drafts, and into existing drafts that nobody has
  // edited since ingest wrote them (the ledger says which); suggestions for the rest go to a report.
  const corroborated = corroborateForIngest(dir, args.id, text, decided.writes);
  const writes = corroborated.files.filter((f) => f.path !== LEDGER_FILE);
  if (args.dryRun) {
    process.stdout.write(`Dry run: would write into ${dir}:\n${writes.map((f) => `  ${f.path} (${Buffer.byteLength(f.content)} bytes)`).join('\n')}\n`);
  } else {
    // The source text is written from the bytes read, so it is byte for byte the input; the
    // ledger goes in the same atomic batch, so it always describes the files on disk.
    const next = withoutPaths(withWritten(ledger, writes), decided.remove);
    writeAtomically(dir, [...writes, { path: LEDGER_FILE, content: ledgerContent(next) }], decided.remove);
  }
  if (report) process.stdout.write(`Existing files:\n${report}\n`);
  process.stdout.write(`${formatSummary(plan.summary, { file: args.file, dir, dryRun: args.dryRun, files: writes.length, seconds: (Date.now() - started) / 1000 })}\n`);
  process.stdout.write(`${corroborated.lines.join('\n')}\n`);
  return 0;
}

function readLedgerIn(dir: string): Ledger {
  try {
    return readLedger(dir);
  } catch (error) {
    throw new IngestError(`${path.join(dir, LEDGER_FILE)} is not valid JSON (${(error as Error).message}). Restore it from version control, or delete it: ingest then treats every existing file as a person's and replaces none.`);
  }
}

function inTheWayMessage(files: readonly string[], dir: string, force: boolean): string {
  const list = `${files.slice(0, 5).join(', ')}${files.length > 5 ? ', …' : ''}`;
  if (force) return `Would overwrite ${files.length} file(s) in ${dir} that a person edited: ${list}. Move or delete them, then run again.`;
  return `Would overwrite ${files.length} existing file(s) in ${dir}: ${list}. Pass --force to replace only what ingest wrote and nobody has edited since (the others are kept, the new version written beside them).`;
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
