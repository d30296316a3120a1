/**
 * `npm run corroborate [-- --apply <suggestion-id>]`
 *
 * Lists the suggestions ingest left for reviewed or edited sections (`sources/*.corroboration.json`
 * in the content folder), or applies one: its repair or corroboration entry is added to the
 * section's frontmatter (the rest of the file is kept as it is) and the suggestion is marked
 * applied. A person asks for it by id, so this is the one way corroboration changes their section.
 * Exit codes: 0 done, 2 a wrong id or a suggestion that no longer fits (nothing written).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { contentDir } from '../../lib/content-dir.ts';
import { bodyReadingText } from '../../content/load.ts';
import { IngestError } from '../errors.ts';
import { writeAtomically } from '../write.ts';
import { formatSuggestion, reportContent, type Report } from './report.ts';
import { editedText, readSectionFile } from './section-file.ts';

const USAGE = 'usage: npm run corroborate [-- --apply <suggestion-id>]';

function main(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { apply: { type: 'string' } } });
  } catch (error) {
    throw new IngestError(`${(error as Error).message}\n${USAGE}`);
  }
  const dir = contentDir();
  const reports = readReports(dir);
  const id = parsed.values.apply;
  if (id === undefined) {
    const open = reports.flatMap((r) => r.report.suggestions.filter((s) => !s.applied));
    process.stdout.write(open.length ? `${open.length} suggestion(s) in ${dir}:\n${open.map(formatSuggestion).join('\n')}\nApply one with: npm run corroborate -- --apply <id>\n` : `No open suggestions in ${dir}.\n`);
    return 0;
  }
  const found = reports.flatMap((r) => r.report.suggestions.map((s) => ({ ...r, s }))).find((x) => x.s.id === id);
  if (!found) throw new IngestError(`no suggestion "${id}" in ${dir}/sources/*.corroboration.json. Run npm run corroborate to list them.`);
  if (found.s.applied) throw new IngestError(`suggestion ${id} is already applied to ${found.s.section}.`);
  const file = path.join(dir, found.s.section);
  if (!fs.existsSync(file)) throw new IngestError(`${found.s.section}: the section of suggestion ${id} no longer exists.`);
  const section = readSectionFile(found.s.section, fs.readFileSync(file, 'utf8'));
  if (!section) throw new IngestError(`${found.s.section}: its frontmatter cannot be read; fix it, then apply ${id} again.`);
  const repair = found.s.repair;
  if (repair) {
    const reading = bodyReadingText(section.body);
    const first = reading.indexOf(repair.after);
    if (first === -1 || reading.indexOf(repair.after, first + 1) !== -1) {
      throw new IngestError(`${found.s.section}: repairs: the text "${repair.after}" of suggestion ${id} no longer occurs exactly once in the body (it was edited); add the repair by hand with a longer \`after\`.`);
    }
  }
  const content = editedText(section, { repairs: repair ? [repair] : [], corroboration: found.s.corroboration ? [found.s.corroboration] : [] });
  if (content === undefined) throw new IngestError(`${found.s.section} already holds what suggestion ${id} adds (or a repair with evidence at the same place).`);
  const report: Report = { ...found.report, suggestions: found.report.suggestions.map((s) => (s.id === id ? { ...s, applied: true } : s)) };
  writeAtomically(dir, [{ path: found.s.section, content }, { path: found.relative, content: reportContent(report) }]);
  process.stdout.write(`Applied ${id} to ${found.s.section}:\n${formatSuggestion(found.s)}\n`);
  return 0;
}

function readReports(dir: string): { relative: string; report: Report }[] {
  const folder = path.join(dir, 'sources');
  if (!fs.existsSync(folder)) return [];
  return fs.readdirSync(folder).filter((n) => n.endsWith('.corroboration.json')).sort().map((name) => {
    const relative = `sources/${name}`;
    try {
      return { relative, report: JSON.parse(fs.readFileSync(path.join(folder, name), 'utf8')) as Report };
    } catch (error) {
      throw new IngestError(`${relative}: not valid JSON (${(error as Error).message}); restore it or ingest its source again with --force.`);
    }
  });
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof IngestError)) throw error;
  process.stderr.write(`corroborate: ${error.message}\n`);
  process.exitCode = 2;
}
