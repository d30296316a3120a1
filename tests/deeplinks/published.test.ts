import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLock, formatLockProblems, lockFile, readLock } from '../../src/links/lock.ts';
import { scanSite } from '../../src/links/scan-site.ts';
import { siteDir } from '../helpers/site.ts';

/**
 * The promise to everyone who linked to us: every target in content/links.lock.json resolves in
 * the seed build. (The build checks this too; here it fails with the list of lost targets.)
 */
describe('published link targets', () => {
  const file = lockFile(path.resolve(import.meta.dirname, '../../content'));

  it('are recorded in content/links.lock.json', () => {
    expect(readLock(file)?.targets.length ?? 0).toBeGreaterThan(0);
  });

  it('all still resolve: pages, headings and paragraphs, directly or through aliases', () => {
    const lock = readLock(file);
    if (!lock) throw new Error(`No lock at ${file}: run npm run links:lock.`);
    const problems = checkLock(lock, scanSite(siteDir()));
    expect(problems.length ? formatLockProblems(problems, file) : '').toBe('');
  });
});
