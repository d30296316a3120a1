/**
 * The benchmark's instrument, on the seed content: a cold build and the four warm builds of
 * bench/incremental.ts, each after its edit (bench/edits.ts). What the bench reports must be what
 * the build did: every page is either rendered or reused, the loader renders exactly the
 * sections an edit touched, and each edit shows in the built pages (read with a parser).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { coldBuild, warmBuilds, type BuildRun } from '../../bench/incremental.ts';
import { buildDirs } from '../../src/lib/build-dirs.ts';
import { filesUnder, loadPage } from '../helpers/site.ts';
import { removeTree } from '../../src/lib/atomic-file.ts';
import { tempBuildRoot } from '../helpers/temp-build.ts';

const root = path.resolve(import.meta.dirname, '../..');
const work = tempBuildRoot('bench-steps');
const contentDir = path.join(work, 'content');
const outDir = path.join(work, 'dist');
afterAll(() => {
  // The last build may still be removing the output it replaced in there (removeTree says why).
  removeTree(buildDirs({ SITE_CONTENT_DIR: contentDir, SITE_OUT_DIR: outDir }, root).cacheDir);
  fs.rmSync(work, { recursive: true, force: true });
});

const sectionCount = () => filesUnder(path.join(contentDir, 'sections')).filter((f) => f.endsWith('.mdx')).length;

describe('the benchmark: cold, then warm builds after each edit', () => {
  it('reports the pages each build rendered and reused, and each edit reaches the site', async () => {
    fs.cpSync(path.join(root, 'content'), contentDir, { recursive: true });
    const sections = sectionCount();
    const options = { contentDir, outDir, logDir: work, sourceDateEpoch: 1767225600, renameEntityId: 'maxim-litvinov', progress: (m: string) => console.log(`[bench test] ${m}`), loadAverage: () => os.loadavg()[0] ?? 0 };
    const cold = await coldBuild(options);
    expect(cold).toMatchObject({ pagesReused: 0, sectionsRendered: sections, sectionsUnchanged: 0 });
    const pages = cold.pagesRendered;
    expect(pages).toBeGreaterThan(sections);

    const warm = await warmBuilds(options, cold.seconds);
    const step = (name: string): BuildRun => {
      const found = warm.find((b) => b.step === name);
      if (!found) throw new Error(`no ${name} build in ${warm.map((b) => b.step).join(', ')}`);
      return found;
    };
    expect(warm.map((b) => b.step)).toEqual(['unchanged', 'unchanged-skipped', 'text-edit', 'section-added', 'entity-renamed']);
    for (const b of warm) expect(b.ratioToCold).toBeCloseTo(b.seconds / cold.seconds, 2);

    const unchanged = step('unchanged');
    expect(unchanged.skipped).toBe(false);
    expect(unchanged.sectionsRendered).toBe(0);
    expect(unchanged.pagesRendered + unchanged.pagesReused).toBe(pages);
    expect(unchanged.pagesReused).toBeGreaterThan(pages / 2);

    // Run as an editor runs it, a build with nothing changed does not start Astro at all.
    const skipped = step('unchanged-skipped');
    expect(skipped).toMatchObject({ skipped: true, pagesRendered: 0, sectionsRendered: 0 });

    const edited = step('text-edit');
    expect(edited.skipped).toBe(false);
    expect(edited.sectionsRendered).toBe(1);
    expect(edited.pagesRendered + edited.pagesReused).toBe(pages);
    const editedPage = edited.change.replace(/^a sentence added to /, '').replace(/\.mdx$/, '.html');
    expect(loadPage(editedPage, outDir)('main p').text()).toContain('An editor checked this paragraph again.');

    const added = step('section-added');
    expect(added.sectionsRendered).toBe(1);
    expect(sectionCount()).toBe(sections + 1);
    const addedPage = added.change.replace(/^section /, '').replace(/\.mdx added$/, '.html');
    expect(loadPage(addedPage, outDir)('h1').first().text()).toMatch(/\(added\)$/);
    expect(added.pagesRendered + added.pagesReused).toBeGreaterThan(pages);

    const renamed = step('entity-renamed');
    expect(loadPage('entities/maxim-litvinov.html', outDir)('h1').first().text()).toBe('Maxim Litvinov (renamed)');
    expect(renamed.pagesRendered).toBeGreaterThan(0);
  }, 900_000);
});
