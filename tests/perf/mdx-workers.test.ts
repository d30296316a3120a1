/**
 * During a build, MDX compiles in worker threads (src/markdown/mdx-workers.ts). The code they
 * return must be the code the main thread would have made: the seed site built with workers off
 * (SITE_MDX_WORKERS=0) is byte-identical to the one tests/global-setup.ts built with them, and a
 * broken file still fails the build naming the file, line and column.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { fromPlainError, toPlainError } from '../../src/lib/thread-errors.ts';
import { mdxWorkerCount } from '../../src/markdown/mdx-workers.ts';
import { fileHashes as hashes, siteDir } from '../helpers/site.ts';
import { buildSite, tempBuildRoot } from '../helpers/temp-build.ts';

describe('MDX worker threads', () => {
  const tmp = tempBuildRoot('mdx-workers');
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('uses one worker per core unless SITE_MDX_WORKERS says otherwise, and names the variable when it cannot read it', () => {
    expect(mdxWorkerCount({})).toBe(os.availableParallelism());
    expect(mdxWorkerCount({ SITE_MDX_WORKERS: '0' })).toBe(0);
    expect(mdxWorkerCount({ SITE_MDX_WORKERS: ' 3 ' })).toBe(3);
    expect(() => mdxWorkerCount({ SITE_MDX_WORKERS: 'two' })).toThrow(/SITE_MDX_WORKERS must be a whole number \(0 turns MDX workers off\), not "two"/);
    expect(() => mdxWorkerCount({ SITE_MDX_WORKERS: '-1' })).toThrow(/SITE_MDX_WORKERS/);
  });

  it('carries an error across the thread boundary with its place, as the build reports it', () => {
    const message = new VFile({ path: '/content/sections/history/a.mdx' }).message('Unexpected end of file in expression', { place: { line: 54, column: 37 }, source: 'micromark' });
    const back = fromPlainError(structuredClone(toPlainError(message)));
    expect(back).toBeInstanceOf(Error);
    expect(back).toMatchObject({ message: 'Unexpected end of file in expression', line: 54, column: 37, file: '/content/sections/history/a.mdx', source: 'micromark' });
    expect(fromPlainError(structuredClone(toPlainError('plain text'))).message).toBe('plain text');
  });

  it('builds the same bytes as compiling in the main thread', () => {
    const out = path.join(tmp, 'in-process');
    const result = buildSite(out, { SITE_MDX_WORKERS: '0' });
    expect(result.status, result.output).toBe(0);
    expect(result.output).not.toContain('worker threads');
    const inProcess = hashes(out);
    const withWorkers = hashes(siteDir());
    expect([...inProcess.keys()]).toEqual([...withWorkers.keys()]);
    expect([...inProcess].filter(([file, hash]) => withWorkers.get(file) !== hash).map(([file]) => file)).toEqual([]);
  }, 240_000);

  it('fails on a broken section naming its file, line and column, as without workers', () => {
    const content = path.join(tmp, 'content');
    fs.cpSync(path.resolve('content'), content, { recursive: true });
    const file = path.join(content, 'sections', 'history', fs.readdirSync(path.join(content, 'sections', 'history')).sort()[0] ?? '');
    const lines = fs.readFileSync(file, 'utf8').split('\n').length;
    fs.appendFileSync(file, '\nA brace never closed {here\n');
    const result = buildSite(path.join(tmp, 'broken'), { SITE_CONTENT_DIR: content, SITE_MDX_WORKERS: '2' });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('compiling MDX in 2 worker threads');
    expect(result.output).toContain('Unexpected end of file in expression');
    expect(result.output).toContain(`${file}:${lines + 1}:`);
  }, 240_000);
});
