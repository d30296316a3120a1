/**
 * Page-weight budgets (issue 8): what a reader's browser fetches before it can show a page,
 * gzipped. A section page at most 10.5 KB, of which JavaScript at most 3 KB, with no script holding
 * up the first paint; the home page at most 12 KB. Measured on the built seed site.
 *
 * Issue 8 set 10 KB; issue 15 added 0.5 KB: what link unfurlers and search engines read from the
 * HTML itself (Open Graph tags ~70 B, the JSON-LD Article ~200 B, written after the words it
 * repeats so gzip sends them once) and the Markdown and Sphinx link formats (~85 B, readable without
 * JavaScript). The heaviest seed page went from about 10.1 KB to 10.5 KB.
 */
import { describe, expect, it } from 'vitest';
import { sectionPages, siteDir } from '../helpers/site.ts';
import { pageWeight, type PageWeight } from './page-weight.ts';

const KB = 1024;
const SECTION_TOTAL = 10.5 * KB;
const SECTION_JS = 3 * KB;
const HOME_TOTAL = 12 * KB;

/**
 * Scripts allowed to block rendering, by site path, each with its own gzip ceiling.
 * theme.js must run before the first paint, or a reader who chose dark sees a light flash.
 */
const ALLOWED_BLOCKING: Record<string, number> = { 'assets/theme.js': 1 * KB };

const describeWeight = (w: PageWeight) =>
  `${w.page}: total ${w.totalGzip} B gz (HTML ${w.htmlGzip}, CSS ${w.cssGzip}, JS ${w.jsGzip}); scripts: ${w.scripts.map((s) => `${s.name} ${s.gzipBytes} B${s.blocking ? ' blocking' : ''}`).join(', ') || 'none'}`;

describe('page weight', () => {
  const sections = sectionPages().map((page) => pageWeight(siteDir(), page));

  it('finds the section pages to weigh', () => {
    expect(sections.length).toBeGreaterThan(0);
  });

  it('keeps every section page within 10 KB gzip, HTML with its CSS and JS', () => {
    const over = sections.filter((w) => w.totalGzip > SECTION_TOTAL).map(describeWeight);
    expect(over, `over ${SECTION_TOTAL} B`).toEqual([]);
  });

  it('keeps JavaScript on a section page within 3 KB gzip', () => {
    const over = sections.filter((w) => w.jsGzip > SECTION_JS).map(describeWeight);
    expect(over, `over ${SECTION_JS} B of JS`).toEqual([]);
  });

  it('lets no script but the allowed theme script block the first paint, and keeps that one small', () => {
    const offenders = sections.flatMap((w) =>
      w.scripts
        .filter((s) => s.blocking && !(s.name in ALLOWED_BLOCKING && s.gzipBytes <= (ALLOWED_BLOCKING[s.name] ?? 0)))
        .map((s) => `${w.page}: ${s.name} (${s.gzipBytes} B gz) blocks rendering: add defer, or move it after <main>`),
    );
    expect(offenders).toEqual([]);
  });

  it('loads nothing from another site up front, so the offline copy is complete', () => {
    expect(sections.flatMap((w) => w.external.map((url) => `${w.page}: ${url}`))).toEqual([]);
  });

  it('keeps the home page within 12 KB gzip', () => {
    const home = pageWeight(siteDir(), 'index.html');
    expect(home.totalGzip, describeWeight(home)).toBeLessThanOrEqual(HOME_TOTAL);
  });
});
