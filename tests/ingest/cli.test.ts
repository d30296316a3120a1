import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT, runIngest, SEED_TEXT as SEED } from '../helpers/ingest-cli.ts';
import { filesUnder } from '../helpers/site.ts';

/** The CLI as a user runs it: exit codes, what it writes, and that errors write nothing. */
let work = '';
let content = '';

beforeEach(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-cli-'));
  content = path.join(work, 'content');
  fs.mkdirSync(path.join(content, 'entities'), { recursive: true });
  fs.cpSync(path.join(ROOT, 'content', 'entities'), path.join(content, 'entities'), { recursive: true });
});
afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

const ingest = (...args: string[]) => runIngest(content, args);

/** Every file under the content folder with its bytes, to prove a failed run changed nothing. */
function snapshot(): Record<string, string> {
  return Object.fromEntries(filesUnder(content).map((file) => [file, fs.readFileSync(path.join(content, file)).toString('base64')]));
}

function input(name: string, bytes: Uint8Array | string): string {
  const file = path.join(work, name);
  fs.writeFileSync(file, bytes);
  return file;
}

describe('npm run ingest', () => {
  it('writes the source, its manifest and drafts, and prints a summary', () => {
    const r = ingest(SEED, '--id', 'seed');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/sections: 5 drafts/);
    expect(r.out).toMatch(/dropped: {2}blank 32, query-repeat 7, link-bullet 5, page-title 1/);
    expect(fs.readFileSync(path.join(content, 'sources', 'seed.txt')).equals(fs.readFileSync(SEED))).toBe(true);
    expect(fs.existsSync(path.join(content, 'sources', 'seed.yaml'))).toBe(true);
    expect(fs.readdirSync(path.join(content, 'sections')).sort()).toEqual(['cooperation', 'history', 'nato-stance', 'us-policy']);
  });

  it.each<[string, () => string[], RegExp]>([
    ['an empty file', () => [input('empty.txt', ''), '--id', 'x'], /is empty/],
    ['a binary file', () => [input('bin.txt', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x01])), '--id', 'x'], /looks binary/],
    ['non-UTF-8 text', () => [input('latin1.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a])), '--id', 'x'], /not valid UTF-8 \(first bad byte at offset 3\)/],
    ['a missing file', () => [path.join(work, 'nope.txt'), '--id', 'x'], /no such file/],
    ['an id that is not a slug', () => [SEED, '--id', 'Bad_Id'], /is not a slug/],
    ['no id', () => [SEED], /missing --id/],
    ['an unknown flag', () => [SEED, '--id', 'x', '--frobnicate'], /Unknown option/],
  ])('refuses %s with exit code 2 and writes nothing', (_, args, message) => {
    const before = snapshot();
    const r = ingest(...args());
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(snapshot()).toEqual(before);
  });

  it('refuses an id already used unless --force, then replaces its drafts', () => {
    expect(ingest(SEED, '--id', 'seed').code).toBe(0);
    const before = snapshot();
    const again = ingest(SEED, '--id', 'seed');
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/already used .* pass --force/);
    expect(snapshot()).toEqual(before);
    const forced = ingest(SEED, '--id', 'seed', '--force');
    expect(forced.code, forced.err).toBe(0);
    expect(snapshot()).toEqual(before);
  });

  it('--force removes the earlier drafts of that source that the new text no longer yields', () => {
    expect(ingest(SEED, '--id', 'seed').code).toBe(0);
    const drafts = () => Object.keys(snapshot()).filter((f) => f.startsWith('sections')).sort();
    expect(drafts()).toHaveLength(5);
    const small = input('small.txt', 'The Allies call on Russia to comply with the INF Treaty.\n');
    const r = ingest(small, '--id', 'seed', '--force');
    expect(r.code, r.err).toBe(0);
    expect(drafts()).toEqual(['sections/nato-stance/allies-call-on-russia-to-comply.mdx']);
  });

  it('--dry-run prints the plan and writes nothing', () => {
    const before = snapshot();
    const r = ingest(SEED, '--id', 'seed', '--dry-run');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/sources\/seed\.yaml \(\d+ bytes\)/);
    expect(r.out).toMatch(/nothing written/);
    expect(snapshot()).toEqual(before);
  });

  it('accepts CRLF, a BOM and single-newline paragraphs, keeping the bytes', () => {
    const text = '\uFEFFThe Allies met NATO officials.\r\nThe U.S. policy since then has sought to deter Russia.\r\n';
    const file = input('crlf.txt', text);
    const r = ingest(file, '--id', 'crlf');
    expect(r.code, r.err).toBe(0);
    expect(fs.readFileSync(path.join(content, 'sources', 'crlf.txt')).equals(fs.readFileSync(file))).toBe(true);
    expect(r.out).toMatch(/2 placed in sections/);
  });
});
