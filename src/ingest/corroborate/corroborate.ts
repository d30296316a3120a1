/**
 * Corroboration at ingest: aligns the new source with every source already in the content
 * folder, and turns what the alignment finds into repairs and corroboration entries on both
 * sides. The new source's drafts and the existing drafts that are untouched since ingest wrote
 * them (the ledger says) are changed; any other section gets suggestions in a report instead.
 */
import fs from 'node:fs';
import path from 'node:path';
import { listContentFiles } from '../../content/load.ts';
import { parseYaml } from '../../content/frontmatter.ts';
import { sourceSchema } from '../../schemas/source.ts';
import { alignSources, type RawText } from '../align/align.ts';
import { alignText } from '../align/tokens.ts';
import { readLedger, untouchedSinceIngest } from '../ledger.ts';
import type { PlannedFile } from '../plan.ts';
import { editedText, readSectionFile, type SectionFile } from './section-file.ts';
import { placeAll } from './place.ts';
import { reportPath, suggestion, type Report } from './report.ts';
import { suggestionsOf, type SourceInfo } from './suggest.ts';

export interface CorroborationResult {
  /** The planned files, the new source's drafts with repairs and corroboration merged in. */
  planned: PlannedFile[];
  /** Existing drafts, untouched since ingest, with what the new source restores or corroborates. */
  updates: PlannedFile[];
  /** Suggestions for sections a person owns (empty report when none). */
  report: Report;
  stats: { sources: number; restored: number; flagged: number; corroborated: number; suggested: number; seconds: number };
}

/** Aligns `text` (source `id`, described by `info`) with the sources of `dir` and plans the changes. */
export function corroborate(dir: string, id: string, text: string, info: SourceInfo, planned: readonly PlannedFile[]): CorroborationResult {
  const started = performance.now();
  const existing = existingSources(dir, id);
  const fresh = alignText(id, text);
  const infos = new Map<string, SourceInfo>(existing.map((s) => [s.text.id, s.info]));
  infos.set(id, info);
  const lines = new Map<string, string[]>([...existing.map((s) => [s.text.id, s.lines] as const), [id, text.split(/\r\n|\r|\n/)]]);

  const alignment = alignSources(fresh, existing.map((s) => s.text));
  const { repairs, shared } = suggestionsOf(alignment, (source) => infos.get(source) ?? { title: source });

  const plannedSections = planned.flatMap((f) => (f.path.startsWith('sections/') ? [readSectionFile(f.path, f.content)].filter((s): s is SectionFile => s !== undefined) : []));
  const onDisk = listContentFiles(dir, 'sections', ['.mdx', '.md']).flatMap((f) => {
    const parsed = readSectionFile(f.relative, f.text);
    return parsed && parsed.source !== id ? [parsed] : [];
  });
  const edits = placeAll([...plannedSections, ...onDisk], repairs, shared, (source, line) => lines.get(source)?.[line - 1]);

  const ledger = readLedger(dir);
  const plannedPaths = new Set(plannedSections.map((s) => s.path));
  const out = planned.map((f) => ({ ...f }));
  const updates: PlannedFile[] = [];
  const report: Report = { version: 1, source: id, suggestions: [] };
  const stats = { sources: existing.length, restored: 0, flagged: 0, corroborated: 0, suggested: 0, seconds: 0 };
  for (const section of [...plannedSections, ...onDisk]) {
    const edit = edits.get(section.path);
    if (!edit) continue;
    const owned = !plannedPaths.has(section.path) && !(section.draft && untouchedSinceIngest(dir, ledger, section.path));
    if (owned) {
      // Only what would change the section: what it already holds is not suggested again.
      const why = section.draft ? 'edited' : 'reviewed';
      for (const repair of edit.repairs) if (editedText(section, { repairs: [repair], corroboration: [] })) report.suggestions.push(suggestion(section.path, why, { repair }));
      for (const c of edit.corroboration) if (editedText(section, { repairs: [], corroboration: [c] })) report.suggestions.push(suggestion(section.path, why, { corroboration: c }));
      continue;
    }
    const content = editedText(section, edit, { inTextOrder: true });
    if (content === undefined) continue;
    for (const r of edit.repairs) r.insert === undefined ? stats.flagged++ : stats.restored++;
    stats.corroborated += edit.corroboration.length;
    const target = out.find((f) => f.path === section.path);
    if (target) target.content = content;
    else updates.push({ path: section.path, content });
  }
  stats.suggested = report.suggestions.length;
  stats.seconds = (performance.now() - started) / 1000;
  return { planned: out, updates, report, stats };
}

/**
 * Lines of the new text `text` (source `id`) that share a sentence with a source already in `dir`:
 * another publisher's text has them, so they are text, never page furniture (clean.ts).
 */
export function linesSharedWithOthers(dir: string, id: string, text: string): Set<number> {
  const existing = existingSources(dir, id);
  if (existing.length === 0) return new Set();
  return new Set(alignSources(alignText(id, text), existing.map((s) => s.text)).shared.map((s) => s.b.line));
}

/** The sources of `dir` other than `id`: their text split for alignment, and their manifest's names. */
function existingSources(dir: string, id: string): { text: RawText; info: SourceInfo; lines: string[] }[] {
  const folder = path.join(dir, 'sources');
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.txt') && name !== `${id}.txt`)
    .sort()
    .map((name) => {
      const sourceId = name.slice(0, -4);
      const raw = fs.readFileSync(path.join(folder, name), 'utf8');
      return { text: { id: sourceId, text: raw }, info: manifestInfo(folder, sourceId), lines: raw.split(/\r\n|\r|\n/) };
    });
}

function manifestInfo(folder: string, id: string): SourceInfo {
  const file = path.join(folder, `${id}.yaml`);
  return fs.existsSync(file) ? infoOfManifest(fs.readFileSync(file, 'utf8'), id) : { title: id };
}

/** A source's names for evidence, from its manifest's text (its id when the manifest does not validate). */
export function infoOfManifest(yamlText: string, id: string): SourceInfo {
  const parsed = parseYaml(yamlText);
  const data = parsed.ok ? sourceSchema.safeParse(parsed.data) : undefined;
  if (!data?.success) return { title: id };
  return { title: data.data.title, publisher: data.data.publisher, url: data.data.url };
}

export { reportPath };
