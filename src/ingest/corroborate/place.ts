/**
 * Places repairs and corroboration in the sections that hold their source lines: each repair
 * gets the `after` text the site finds it by (the shortest run of words before the gap that
 * occurs once in the body), each shared line the anchor id of its paragraph.
 */
import { bodyReadingText } from '../../content/load.ts';
import type { Corroboration } from '../../schemas/corroboration.ts';
import type { Repair } from '../../schemas/repair.ts';
import { uniqueRunBefore } from '../repairs.ts';
import { paragraphOfLine, type SectionEdit, type SectionFile } from './section-file.ts';
import type { RepairAt, SharedAt } from './suggest.ts';

/** Edits per section path. `lineOf` gives a source's line text (1-based). */
export function placeAll(sections: readonly SectionFile[], repairs: readonly RepairAt[], shared: readonly SharedAt[], lineOf: (source: string, line: number) => string | undefined): Map<string, SectionEdit> {
  const edits = new Map<string, SectionEdit>();
  const editOf = (path: string): SectionEdit => {
    let edit = edits.get(path);
    if (!edit) edits.set(path, (edit = { repairs: [], corroboration: [] }));
    return edit;
  };
  const holders = (source: string, line: number) => sections.filter((s) => s.source === source && s.lines.includes(line));
  const sorted = [...repairs].sort((x, y) => x.at.source.localeCompare(y.at.source) || x.at.line - y.at.line || x.at.offset - y.at.offset);
  for (const section of new Set(sorted.flatMap((r) => holders(r.at.source, r.at.line)))) {
    const reading = bodyReadingText(section.body);
    for (const r of sorted) {
      if (r.at.source !== section.source || !section.lines.includes(r.at.line)) continue;
      const after = afterFor(lineOf(r.at.source, r.at.line) ?? '', r.at.offset, reading);
      if (after === undefined) continue;
      const repair: Repair = { after, ...(r.insert !== undefined ? { insert: r.insert } : {}), note: r.note, evidence: r.evidence, confidence: r.confidence, ...(r.date ? { date: r.date } : {}) };
      editOf(section.path).repairs.push(repair);
    }
  }
  for (const s of shared) {
    const text = lineOf(s.source, s.line);
    if (text === undefined) continue;
    for (const section of holders(s.source, s.line)) {
      const paragraph = paragraphOfLine(section.body, text);
      if (!paragraph) continue;
      const entry: Corroboration = { paragraph, line: s.line, source: s.other, lines: [...s.lines].sort((a, b) => a - b) };
      editOf(section.path).corroboration.push(entry);
    }
  }
  return edits;
}

/**
 * The words before `offset` in the line (as the body holds it: trimmed) that occur once in the
 * body as written: the site locates every repair before applying any (src/markdown/repairs.ts).
 */
function afterFor(lineText: string, offset: number, reading: string): string | undefined {
  const lead = lineText.length - lineText.trimStart().length;
  const text = lineText.trim();
  const end = offset - lead;
  if (end <= 0 || end > text.length) return undefined;
  return uniqueRunBefore(text, end, reading);
}
