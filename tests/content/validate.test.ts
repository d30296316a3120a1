import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { validateContent } from '../../src/content/validate.ts';
import { formatProblems } from '../../src/content/problems.ts';

const contentRoot = path.resolve(import.meta.dirname, '../../content');
const temps: string[] = [];

/** A throw-away copy of content/ named `content`, so messages show paths as editors see them. */
function copyContent(): string {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'content-case-'));
  temps.push(parent);
  const dir = path.join(parent, 'content');
  fs.cpSync(contentRoot, dir, { recursive: true });
  return dir;
}

/** Applies `edit` to one file of a fresh copy and returns the formatted problems. */
function problemsAfter(file: string, edit: (text: string) => string): string {
  const dir = copyContent();
  const target = path.join(dir, file);
  const before = fs.readFileSync(target, 'utf8');
  const after = edit(before);
  expect(after, 'the edit must change the file').not.toBe(before);
  fs.writeFileSync(target, after);
  const { problems } = validateContent(dir);
  expect(problems.length).toBeGreaterThan(0);
  for (const p of problems) expect(p.file).toMatch(/^content\//);
  return formatProblems(problems);
}

afterEach(() => {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const MH17 = 'sections/nato-stance/mh17.mdx';
const HISTORY = 'sections/history/revolution-and-recognition.mdx';
const COOPERATION = 'sections/cooperation/counter-narcotics.mdx';

describe('content validation', () => {
  it('finds no problem in the committed content', () => {
    const { problems, content } = validateContent(contentRoot);
    expect(formatProblems(problems)).toBe('0 problems in 0 content files:');
    expect(content.sections.size).toBe(20);
  });

  it('names a missing field and how to add it', () => {
    expect(problemsAfter(MH17, (t) => t.replace(/^title: .*\n/m, ''))).toMatchSnapshot();
  });

  it('suggests the right name for a misspelt field', () => {
    const report = problemsAfter(MH17, (t) => t.replace(/^summary:/m, 'sumary:'));
    expect(report).toContain('did you mean "summary"?');
    expect(report).toMatchSnapshot();
  });

  it('explains a mistyped field', () => {
    expect(problemsAfter(MH17, (t) => t.replace(/^order: 3$/m, 'order: third'))).toMatchSnapshot();
  });

  it('lists the valid topics for an unknown one', () => {
    expect(problemsAfter(MH17, (t) => t.replace(/^topic: nato-stance$/m, 'topic: economics'))).toMatchSnapshot();
  });

  it('reports a section filed under the wrong topic folder', () => {
    const dir = copyContent();
    fs.renameSync(path.join(dir, HISTORY), path.join(dir, 'sections/us-policy/revolution-and-recognition.mdx'));
    const report = formatProblems(validateContent(dir).problems);
    expect(report).toContain('content/sections/us-policy/revolution-and-recognition.mdx');
    expect(report).toContain('topic: expected "us-policy", the folder the file is in; found "history".');
    expect(report).toContain('move the file to sections/history/');
  });

  it('reports dangling references to sections, entities and sources', () => {
    const report = problemsAfter(MH17, (t) =>
      t.replace('- nato-stance/ukraine-and-crimea', '- nato-stance/ukraine-and-krimea').replace(/^- australia$/m, '- austria').replace('source: russia-us-relations', 'source: russia-us'),
    );
    expect(report).toContain('related.0: expected the id of an existing section; found "nato-stance/ukraine-and-krimea"');
    expect(report).toContain('found "austria", which does not exist');
    expect(report).toContain('source: expected the id of an existing source');
    expect(report).toMatchSnapshot();
  });

  it('rejects impossible dates and names the date field', () => {
    const report = problemsAfter(HISTORY, (t) => t.replace("start: '1917'", "start: '1917-02-30'").replace("date: '1933-11-16'", 'date: 1933-13-01'));
    expect(report).toContain('period.start');
    expect(report).toContain('1917-02-30');
    expect(report).toMatchSnapshot();
  });

  it('reports broken YAML with its line', () => {
    const report = problemsAfter(COOPERATION, (t) => t.replace('status: suspended', 'status: [suspended'));
    expect(report).toMatch(/\(frontmatter\) \(line \d+\): expected valid YAML/);
  });

  it('requires a repair’s `after` text to occur exactly once in the body', () => {
    const report = problemsAfter(MH17, (t) => t.replace('after: on 17 July', 'after: on 18 July'));
    expect(report).toContain('repairs.0.after: expected text that occurs exactly once in the body; found "on 18 July" occurring 0 times');
  });

  it('requires evidence for a repair that inserts text', () => {
    const report = problemsAfter(MH17, (t) => t.replace(/ {2}evidence:\n {4}publisher: CBC News\n {4}url: .*\n {4}quote: .*\n/, ''));
    expect(report).toContain('repairs.0.evidence');
  });

  it('validates entity files too', () => {
    const report = problemsAfter('entities/inf-treaty.yaml', (t) => t.replace('kind: treaty', 'kind: pact'));
    expect(report).toContain('content/entities/inf-treaty.yaml');
    expect(report).toContain('kind: expected one of "treaty"');
  });

  it('lists every problem of a file at once', () => {
    const report = problemsAfter(MH17, (t) => t.replace(/^title: .*\n/m, '').replace(/^summary:/m, 'sumary:').replace(/^order: 3$/m, 'order: -1'));
    const fields = [...report.matchAll(/^ {2}- ([^:]+):/gm)].map((m) => m[1]);
    expect(fields.sort()).toEqual(['order', 'sumary', 'summary', 'title']);
  });

  it('explains a file without frontmatter, or with a block never closed', () => {
    expect(problemsAfter(MH17, (t) => t.replace(/^---\n[\s\S]*?\n---\n/, ''))).toContain('found no frontmatter block at the start of the file.\n    Hint: start the file with a line "---"');
    expect(problemsAfter(MH17, (t) => t.replace(/\n---\n\n/, '\n\n'))).toContain('Hint: add a line "---" after the last field.');
  });

  it('says how to write a list or a yes/no value in YAML', () => {
    const report = problemsAfter(MH17, (t) => t.replace('related:\n- nato-stance/ukraine-and-crimea', 'related: nato-stance/ukraine-and-crimea').replace('order: 3', 'order: 3\ndraft: "yes"'));
    expect(report).toContain('related: expected a list; found the text "nato-stance/ukraine-and-crimea".\n    Hint: change `related` to a YAML list (lines starting with "- ").');
    expect(report).toContain('draft: expected true or false; found the text "yes".\n    Hint: change `draft` to true or false.');
  });
});
