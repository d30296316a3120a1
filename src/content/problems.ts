import type { z } from 'zod';

/** One thing wrong with one content file, phrased so an editor can fix it. */
export interface Problem {
  /** Path of the file, relative to the project (or content) folder. */
  file: string;
  /** Dotted field path, e.g. `repairs.2.evidence.url`; `(file)` for the file as a whole. */
  field: string;
  /** What was expected. */
  expected: string;
  /** What was found. */
  found: string;
  /** How to fix it. */
  hint: string;
  /** Line in the file, when known. */
  line?: number | undefined;
}

/** Formats problems as the block the build prints: one file heading, one bullet per problem. */
export function formatProblems(problems: readonly Problem[]): string {
  const byFile = new Map<string, Problem[]>();
  for (const p of problems) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
  const lines = [`${problems.length} problem${problems.length === 1 ? '' : 's'} in ${byFile.size} content file${byFile.size === 1 ? '' : 's'}:`];
  for (const [file, list] of byFile) {
    lines.push('', file);
    for (const p of list) {
      lines.push(`  - ${p.field}${p.line ? ` (line ${p.line})` : ''}: expected ${p.expected}; found ${p.found}.`);
      lines.push(`    Hint: ${p.hint}`);
    }
  }
  return lines.join('\n');
}

/** Describes a value found in a file for an error message. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value)}`;
  if (value instanceof Date) return `the date ${value.toISOString().slice(0, 10)}`;
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${String(value)}`;
}

/** Turns zod issues into problems, with a hint for each kind of mistake. */
export function problemsFromZod(
  file: string,
  issues: readonly z.core.$ZodIssue[],
  data: unknown,
  knownKeys: (path: readonly PropertyKey[]) => readonly string[],
): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    const path = issue.path;
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const known = knownKeys(path);
        const near = closest(key, known);
        problems.push({
          file,
          field: [...path, key].join('.'),
          expected: `one of the known fields (${known.join(', ')})`,
          found: `an unknown field "${key}"`,
          hint: near ? `did you mean "${near}"? Rename the field.` : 'remove the field, or check its spelling against README.md.',
        });
      }
      continue;
    }
    const found = valueAt(data, path);
    const field = path.length ? path.join('.') : '(frontmatter)';
    let expected = issue.message.replace(/^Invalid input: /, '').replace(/, received .*$/, '').replace(/, found .*$/, '');
    if (issue.code === 'invalid_union' && path.length === 0) expected = issue.message.replace(/, found .*$/, '');
    problems.push({
      file,
      field: issue.code === 'invalid_union' && path.length === 0 ? 'topic' : field,
      expected: plainType(expected.replace(/^expected /, '')),
      found: issue.code === 'invalid_union' && path.length === 0 ? describeValue(valueAt(data, ['topic'])) : describeValue(found),
      hint: hintFor(issue, found, field),
    });
  }
  return problems;
}

/** zod names types as JavaScript does; editors think in YAML terms. */
function plainType(expected: string): string {
  const names: Record<string, string> = { string: 'text', number: 'a number', boolean: 'true or false', array: 'a list', object: 'a mapping' };
  return names[expected] ?? expected;
}

function hintFor(issue: z.core.$ZodIssue, found: unknown, field: string): string {
  if (found === undefined) return `add the field \`${field}\` (see "Frontmatter fields" in README.md).`;
  if (issue.code === 'invalid_union') return 'set `topic` to one of the four topic ids, and keep the file in the folder content/sections/<topic>/.';
  if (field.endsWith('date') || field.endsWith('start') || field.endsWith('end') || field.endsWith('launched') || field.endsWith('suspended')) {
    return 'write a date that exists as YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2014-07-17.';
  }
  if (issue.code === 'invalid_type') return `change \`${field}\` to ${issue.expected === 'array' ? 'a YAML list (lines starting with "- ")' : plainType(issue.expected)}.`;
  return `correct \`${field}\` as described.`;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** The known key nearest to `key` by edit distance, if it is close enough to be a typo. */
export function closest(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(key.length / 3)) + 1;
  for (const candidate of known) {
    const d = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] ?? 0;
      row[j] = Math.min(above + 1, (row[j - 1] ?? 0) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] ?? 0;
}
