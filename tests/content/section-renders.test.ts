import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirs } from '../helpers/temp-dirs.ts';
import { hasSectionRender, pruneSectionRenders, sectionRendersOnDisk, readSectionFacts, readSectionHtml, writeSectionRender, type SectionRender } from '../../src/content/section-renders.ts';

const tempDir = tempDirs('renders');

const render = (html: string): SectionRender => ({
  html,
  headings: [{ depth: 2, slug: 'a-heading', text: 'A heading — with a dash' }],
  analysis: { paragraphs: [{ id: 'p-1', text: 'Text.' }], mentions: [], repairParagraphs: [[0, 'p-1']], links: [], repairEntities: ['nato'] },
});

describe('section renders beside the content store', () => {
  it('gives back the HTML and the facts written under a digest', () => {
    const dir = tempDir();
    const r = render("<p id='p-1'>Text — “quoted”.</p>");
    expect(hasSectionRender(dir, 'ab12.cd34')).toBe(false);
    writeSectionRender(dir, 'ab12.cd34', r);
    expect(hasSectionRender(dir, 'ab12.cd34')).toBe(true);
    expect(readSectionHtml(dir, 'history/x', 'ab12.cd34')).toBe(r.html);
    expect(readSectionFacts(dir, 'history/x', 'ab12.cd34')).toEqual({ headings: r.headings, analysis: r.analysis });
  });

  it('names the section and the fix when a render is missing', () => {
    expect(() => readSectionHtml(tempDir(), 'history/x', 'ab12.cd34')).toThrow(/rendered section history\/x is missing.*Build again.*clean:cache/s);
  });

  it('keeps only the renders of the digests given, and a half-written render counts as missing', () => {
    const dir = tempDir();
    writeSectionRender(dir, 'aa.01', render('<p>a</p>'));
    writeSectionRender(dir, 'bb.02', render('<p>b</p>'));
    pruneSectionRenders(dir, new Set(['bb.02']));
    expect(hasSectionRender(dir, 'aa.01')).toBe(false);
    expect(hasSectionRender(dir, 'bb.02')).toBe(true);
    fs.rmSync(path.join(dir, 'section-renders', 'bb.02.json'));
    expect(hasSectionRender(dir, 'bb.02')).toBe(false);
  });

  it('lists the digests whose render is whole, as the per-digest check says', () => {
    const dir = tempDir();
    expect(sectionRendersOnDisk(dir)).toEqual(new Set());
    for (const digest of ['aa.01', 'bb.02', 'cc.03', 'dd.04']) writeSectionRender(dir, digest, render(`<p>${digest}</p>`));
    fs.rmSync(path.join(dir, 'section-renders', 'bb.02.json'));
    fs.rmSync(path.join(dir, 'section-renders', 'cc.03.html'));
    fs.writeFileSync(path.join(dir, 'section-renders', 'ee.05.json.tmp'), '{}');
    const listed = sectionRendersOnDisk(dir);
    expect(listed).toEqual(new Set(['aa.01', 'dd.04']));
    for (const digest of ['aa.01', 'bb.02', 'cc.03', 'dd.04', 'ee.05']) expect(listed.has(digest), digest).toBe(hasSectionRender(dir, digest));
  });

  it('refuses a name that is not a digest, so no path can leave the folder', () => {
    expect(() => readSectionHtml(tempDir(), 'x', '../../etc/passwd')).toThrow(/Not a section digest/);
  });
});
