import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * What `.ci/run` promises: Vitest in CI mode (it exports CI=true) fails a stray `.only` and a
 * missing snapshot, and under REQUIRE_BROWSER=1 the summary reporter fails a run that skipped any
 * test; the last line stays `Tests: N passed, N failed, N skipped`. Each case runs Vitest on a
 * small fixture folder with this project's reporter, as .ci/run's environment sets it.
 */
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const VITEST = path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
const REPORTER = path.join(ROOT, 'tests', 'helpers', 'summary-reporter.ts');
// Under the project, so the fixtures resolve `vitest` from its node_modules.
const work = fs.mkdtempSync(path.join(ROOT, 'node_modules', '.cache', 'ci-mode-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const ciLine = fs.readFileSync(path.join(ROOT, '.ci', 'run'), 'utf8').split('\n').find((l) => /^export CI=/.test(l));

function runFixture(name: string, files: Record<string, string>, env: NodeJS.ProcessEnv) {
  const dir = path.join(work, name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'vitest.config.ts'), `export default { test: { include: ['*.test.ts'], reporters: ['default', ${JSON.stringify(REPORTER)}] } };\n`);
  for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, file), text);
  const { CI: _ci, REQUIRE_BROWSER: _rb, ...rest } = process.env;
  const r = spawnSync(process.execPath, [VITEST, 'run', '--root', dir], { cwd: dir, env: { ...rest, NO_COLOR: '1', ...env }, encoding: 'utf8' });
  const lines = r.stdout.trimEnd().split('\n');
  return { code: r.status, out: `${r.stdout}\n${r.stderr}`, last: lines[lines.length - 1] ?? '', dir };
}

const two = (first: string) => `import { expect, it } from 'vitest';\n${first}('a', () => expect(1).toBe(1));\nit('b', () => expect(2).toBe(2));\n`;
// What .ci/run exports, read from it: if the line goes, these cases run without CI mode and fail.
const CI_ENV = { CI: ciLine?.replace(/^export CI=/, '') ?? '', REQUIRE_BROWSER: '1' };

describe('.ci/run test mode', () => {
  it('exports CI=true itself', () => {
    expect(ciLine).toBe('export CI=true');
  });

  it('passes a clean run, ending with the summary line', () => {
    const r = runFixture('clean', { 'x.test.ts': two('it') }, CI_ENV);
    expect(r.code, r.out).toBe(0);
    expect(r.last).toBe('Tests: 2 passed, 0 failed, 0 skipped');
  });

  it('fails a stray .only (without CI mode the other test is silently skipped)', () => {
    const r = runFixture('only', { 'x.test.ts': two('it.only') }, CI_ENV);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/\.only/);
    const local = runFixture('only-local', { 'x.test.ts': two('it.only') }, {});
    expect(local.code).toBe(0);
    expect(local.last).toBe('Tests: 1 passed, 0 failed, 1 skipped');
  });

  it('fails a missing snapshot instead of writing it', () => {
    const text = "import { expect, it } from 'vitest';\nit('s', () => expect({ a: 1 }).toMatchSnapshot());\n";
    const r = runFixture('snapshot', { 'x.test.ts': text }, CI_ENV);
    expect(r.code).toBe(1);
    expect(fs.existsSync(path.join(r.dir, '__snapshots__'))).toBe(false);
    expect(r.last).toBe('Tests: 0 passed, 1 failed, 0 skipped');
  });

  it('fails a skipped test under REQUIRE_BROWSER=1, naming it, and keeps the summary line last', () => {
    const r = runFixture('skip', { 'x.test.ts': two('it.skip') }, CI_ENV);
    expect(r.code).toBe(1);
    expect(r.out).toContain('1 test(s) skipped, and REQUIRE_BROWSER=1 allows none');
    expect(r.out).toContain('x.test.ts > a');
    expect(r.last).toBe('Tests: 1 passed, 0 failed, 1 skipped');
    const local = runFixture('skip-local', { 'x.test.ts': two('it.skip') }, {});
    expect(local.code).toBe(0);
  });
});
