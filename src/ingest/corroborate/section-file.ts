/**
 * A section file as corroboration reads and changes it: its frontmatter (kept as a YAML
 * document, so a person's comments and layout survive), its body verbatim, which paragraph holds
 * a source line, and the one edit corroboration makes: adding repairs and corroboration entries.
 */
import { parseDocument, type Document } from 'yaml';
import { bodyReadingText } from '../../content/load.ts';
import type { Corroboration } from '../../schemas/corroboration.ts';
import type { Repair } from '../../schemas/repair.ts';

export interface SectionFile {
  /** Content-relative path, e.g. `sections/history/diplomatic-relations.mdx`. */
  path: string;
  source: string;
  lines: number[];
  draft: boolean;
  repairs: Repair[];
  corroboration: Corroboration[];
  body: string;
  doc: Document;
}

/** Parses a section file; undefined when it has no readable frontmatter (the content check reports that). */
export function readSectionFile(path: string, text: string): SectionFile | undefined {
  const source = text.replace(/\r\n?/g, '\n');
  if (!source.startsWith('---\n')) return undefined;
  const end = source.indexOf('\n---\n', 3);
  if (end === -1) return undefined;
  const doc = parseDocument(source.slice(4, end + 1));
  if (doc.errors.length > 0) return undefined;
  const data = (doc.toJS() ?? {}) as Record<string, unknown>;
  if (typeof data.source !== 'string') return undefined;
  return {
    path,
    source: data.source,
    lines: Array.isArray(data.lines) ? data.lines.filter((n): n is number => typeof n === 'number') : [],
    draft: data.draft === true,
    repairs: Array.isArray(data.repairs) ? (data.repairs as Repair[]) : [],
    corroboration: Array.isArray(data.corroboration) ? (data.corroboration as Corroboration[]) : [],
    body: source.slice(end + 5),
    doc,
  };
}

/** Blocks of a body: its text as read, and the anchor id each block ends with (`{/* #id *\/}`). */
export function bodyBlocks(body: string): { id: string | undefined; reading: string }[] {
  return body.split(/\n{2,}/).map((block) => ({ id: /\{\/\*\s*#([\w-]+)\s*\*\/\}\s*$/.exec(block)?.[1], reading: bodyReadingText(block) }));
}

/** The anchor id of the block holding the scraped `lineText`, if one does. */
export function paragraphOfLine(body: string, lineText: string): string | undefined {
  const probe = lineText.trim().slice(0, 120);
  if (probe === '') return undefined;
  return bodyBlocks(body).find((b) => b.id && b.reading.includes(probe))?.id;
}

/** Characters between two repairs' places for them to stand at one gap. */
const NEAR = 3;

/** What to add to a section. */
export interface SectionEdit {
  repairs: Repair[];
  corroboration: Corroboration[];
}

/**
 * The repairs and corroboration entries of `edit` that the section does not hold yet, merged
 * in: a repair replaces a note-only repair without evidence at the same gap (the same `after`, or
 * one ending within a few characters: the gap it guessed is now filled or flagged); a gap that
 * already has a repair with evidence keeps it (a person's choice stands).
 */
export function mergeEdit(file: SectionFile, edit: SectionEdit): SectionEdit {
  const repairs = [...file.repairs];
  const reading = bodyReadingText(file.body);
  // Where a repair's mark goes in the body as read: right after its `after` text.
  const place = (after: string): number => {
    const at = reading.indexOf(after);
    return at === -1 ? -100 : at + after.length;
  };
  for (const r of edit.repairs) {
    const here = place(r.after);
    const same = repairs.findIndex((x) => x.after === r.after || Math.abs(place(x.after) - here) <= NEAR);
    if (same === -1) repairs.push(r);
    // Ingest's own candidate (a note, no evidence) gives way to a repair with evidence at the same gap.
    else if (repairs[same]?.insert === undefined && repairs[same]?.evidence === undefined) repairs[same] = r;
  }
  const corroboration = [...file.corroboration];
  for (const c of edit.corroboration) {
    const same = corroboration.find((x) => x.paragraph === c.paragraph && x.line === c.line && x.source === c.source);
    if (!same) corroboration.push({ ...c, lines: [...c.lines] });
    else for (const l of c.lines) if (!same.lines.includes(l)) same.lines.push(l);
  }
  for (const c of corroboration) c.lines.sort((a, b) => a - b);
  return { repairs, corroboration };
}

/** The file's new text with `edit` merged into its frontmatter; the body is kept byte for byte. Undefined when nothing changes. `inTextOrder` sorts the repairs by where they stand. */
export function editedText(file: SectionFile, edit: SectionEdit, options: { inTextOrder?: boolean } = {}): string | undefined {
  const merged = mergeEdit(file, edit);
  if (options.inTextOrder) {
    // On ingest's own drafts the notes are numbered in reading order (a person's order is kept).
    const reading = bodyReadingText(file.body);
    const at = (after: string) => reading.indexOf(after) + after.length;
    merged.repairs.sort((x, y) => at(x.after) - at(y.after));
  }
  const before = JSON.stringify({ r: file.repairs, c: file.corroboration });
  if (JSON.stringify({ r: merged.repairs, c: merged.corroboration }) === before) return undefined;
  const doc = file.doc.clone();
  if (merged.repairs.length) doc.set('repairs', doc.createNode(merged.repairs));
  if (merged.corroboration.length) doc.set('corroboration', doc.createNode(merged.corroboration));
  return `---\n${doc.toString({ lineWidth: 0 })}---\n${file.body}`;
}
