import fs from 'node:fs';
import path from 'node:path';
import { formatProblems } from '../content/problems.ts';
import { validateContent } from '../content/validate.ts';

/** A person's mistake in using `--accept`: printed without a stack trace, exit code 2. */
export class ReviewError extends Error {
  override name = 'ReviewError';
}

/** The file an id names: `<topic>/<slug>` a section, anything else an entity. */
export function fileForId(dir: string, id: string): string {
  const candidates = id.includes('/') ? [`sections/${id}.mdx`, `sections/${id}.md`] : [`entities/${id}.yaml`, `entities/${id}.yml`];
  const found = candidates.find((c) => fs.existsSync(path.join(dir, c)));
  if (!found) {
    const kind = id.includes('/') ? 'section' : 'entity';
    throw new ReviewError(`No ${kind} "${id}" in ${dir} (looked for ${candidates.join(', ')}). Run npm run review to list the ids that need review.`);
  }
  return found;
}

// The draft flag as ingest writes it, alone on its line.
const DRAFT_LINE = /^draft:[ \t]*true[ \t]*(#.*)?$/m;

/**
 * The text with `draft: true` set to `draft: false`, nothing else touched; only inside the
 * frontmatter of an MDX file. Undefined when the file has no such line (already reviewed).
 */
export function withDraftAccepted(text: string, isMdx: boolean): string | undefined {
  let start = 0;
  let end = text.length;
  if (isMdx) {
    const open = /^(\uFEFF)?---\r?\n/.exec(text);
    const close = open ? /\r?\n---[ \t]*(\r?\n|$)/.exec(text.slice(open[0].length)) : null;
    if (!open || !close) return undefined;
    start = open[0].length;
    end = start + close.index;
  }
  const match = DRAFT_LINE.exec(text.slice(start, end));
  if (!match) return undefined;
  const at = start + match.index;
  return `${text.slice(0, at)}draft: false${text.slice(at + match[0].length)}`;
}

/**
 * Marks one section or entity reviewed: runs the content check on the whole folder first and
 * refuses, listing the problems, unless it passes; then rewrites only the `draft` line of that
 * file (through a temporary file, so a crash never leaves half a file). Returns what it did.
 */
export function acceptDraft(dir: string, id: string): string {
  const relative = fileForId(dir, id);
  const { problems } = validateContent(dir);
  if (problems.length) throw new ReviewError(`The content check found ${problems.length} problem(s); fix them first, then accept "${id}":\n${formatProblems(problems)}`);
  const file = path.join(dir, relative);
  const text = fs.readFileSync(file, 'utf8');
  const accepted = withDraftAccepted(text, /\.mdx?$/.test(relative));
  if (accepted === undefined) return `${relative} has no "draft: true": "${id}" is already reviewed; nothing changed.`;
  const temp = `${file}.review-${process.pid}.tmp`;
  fs.writeFileSync(temp, accepted);
  fs.renameSync(temp, file);
  return `Accepted "${id}": set draft: false in ${relative} (the content check passed).`;
}
