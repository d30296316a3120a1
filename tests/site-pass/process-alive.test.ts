/**
 * Astro's build waits for the site pass in its last hook (src/integrations/built-site.ts) with
 * nothing else of its own pending: the pass's worker must hold the process open until it has
 * answered and ended, or Node exits with code 0 and the build script publishes a site without its
 * search indexes, links.json and checks. A benchmark build at 5,000 sections did exactly that.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { linksJsonPath } from '../../src/lib/urls.ts';
import { tempDirs } from '../helpers/temp-dirs.ts';

const tempDir = tempDirs('process-alive');
const SCRIPT = path.join(import.meta.dirname, '..', 'fixtures', 'site-pass', 'alone.ts');

describe('a process that only waits for the site pass', () => {
  it('stays alive until the pass has answered and its worker has ended on its own', () => {
    const out = path.join(tempDir(), 'out');
    const run = spawnSync(process.execPath, [SCRIPT, out], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout.trim() || 'null')).toEqual({ failures: [], targets: expect.any(Number), ended: 'exited' });
    expect(fs.existsSync(path.join(out, linksJsonPath()))).toBe(true);
  }, 90_000);
});
