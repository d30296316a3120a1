/**
 * Navigation and reading aids in the built pages, read with a parser (issue 7): the section
 * sidebar stays bounded and marks the current page, breadcrumbs and previous/next lead where
 * they say, the contents link to parts that exist, the legend is there, and link previews carry
 * the real title of each target. Scripts load only where they are needed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPage, sectionPages, siteDir, siteFiles } from '../helpers/site.ts';
import { resolveUrl, type PagePath } from '../../src/lib/urls.ts';

const TOPIC_TITLES = ['NATO’s stance on Russia', 'History of relations', 'Areas of cooperation', 'U.S. policy toward Russia'];
/** At most this many sections are listed around the current one: 3 before, 3 after, itself. */
const WINDOW = 7;

/** The page an href on `page` leads to (site path), or null for a link to another site. */
const target = (page: string, href: string): PagePath | null => (/^[a-z]+:/i.test(href) ? null : resolveUrl(page as PagePath, href).path);
/** The h1 of a built page, without badges. */
function headingOf(page: string): string {
  const $ = loadPage(page);
  const h1 = $('h1').first().clone();
  h1.find('.badge, .self-link').remove();
  return h1.text().trim();
}

describe('section navigation', () => {
  const pages = sectionPages();

  it.each(pages)('%s: the sidebar lists the four topics and a bounded window with this page marked', (page) => {
    const $ = loadPage(page);
    const nav = $('.sidebar .side-nav');
    expect(nav.find('.side-nav__topic').map((_, a) => $(a).text().trim()).get()).toEqual(TOPIC_TITLES);
    const sections = nav.find('.side-nav__sections li:not(.side-nav__more) a');
    expect(sections.length).toBeGreaterThan(0);
    expect(sections.length).toBeLessThanOrEqual(WINDOW);
    const current = nav.find('a[aria-current="page"]');
    expect(current.length).toBe(1);
    expect(current.text().trim()).toBe(headingOf(page));
    expect(target(page, current.attr('href') ?? '')).toBe(page);
    // Every listed section exists, in the same topic as this one.
    for (const a of sections.toArray()) {
      const to = target(page, $(a).attr('href') ?? '');
      expect(to?.split('/')[0]).toBe(page.split('/')[0]);
      expect(fs.existsSync(path.join(siteDir(), to ?? ''))).toBe(true);
    }
  });

  it.each(pages)('%s: breadcrumbs and previous/next lead to real pages', (page) => {
    const $ = loadPage(page);
    const crumbs = $('.breadcrumbs a').map((_, a) => target(page, $(a).attr('href') ?? '')).get();
    expect(crumbs).toEqual(['index.html', `${page.split('/')[0]}.html`]);
    expect($('.breadcrumbs [aria-current="page"]').text().trim()).toBe(headingOf(page));
    for (const rel of ['prev', 'next']) {
      const link = $(`.prev-next a[rel="${rel}"]`);
      if (link.length === 0) continue;
      const to = target(page, link.attr('href') ?? '') ?? '';
      expect(link.text()).toContain(headingOf(to));
    }
    expect($('.prev-next a').length).toBeGreaterThan(0);
  });

  it.each(pages)('%s: every contents entry points at a part of the page', (page) => {
    const $ = loadPage(page);
    const links = $('[data-toc] a');
    expect(links.first().text()).toBe('Text');
    for (const a of links.toArray()) {
      const href = $(a).attr('href') ?? '';
      expect(href.startsWith('#'), href).toBe(true);
      expect($(`[id="${decodeURIComponent(href.slice(1))}"]`).length, href).toBe(1);
    }
  });

  it.each(pages)('%s: has the reading legend, folded, explaining restorations, notes, entities and self-links', (page) => {
    const $ = loadPage(page);
    const legend = $('main details.legend');
    expect(legend.length).toBe(1);
    expect(legend.attr('open')).toBeUndefined();
    for (const sample of ['ins.repair', '.repair-ref--restored', '.repair-ref--gap', '.entity-link', '.self-link']) {
      expect(legend.find(sample).length, sample).toBe(1);
    }
  });
});

describe('link previews', () => {
  /** The preview data a page's loader points at, as [href, kind, title, summary] rows; none without a loader. */
  function previewData(page: string): string[][] {
    const $ = loadPage(page);
    const loader = $('script[data-previews]');
    if (loader.length === 0) return [];
    const file = path.join(siteDir(), target(page, loader.attr('data-previews') ?? '') ?? '');
    const text = fs.readFileSync(file, 'utf8');
    const prefix = 'self.linkPreviews=';
    expect(text.startsWith(prefix), `${file} sets self.linkPreviews`).toBe(true);
    return JSON.parse(text.slice(prefix.length).trim().replace(/;$/, '')) as string[][];
  }

  const pages = [...sectionPages(), ...siteFiles().filter((f) => f.startsWith('entities/'))];
  it.each(pages)('%s: each preview names its target by the title that target shows, and every entity link has one', (page) => {
    const $ = loadPage(page);
    const entries = previewData(page);
    if (sectionPages().includes(page)) expect(entries.length).toBeGreaterThan(0);
    const previewed = new Set<string>();
    for (const [href = '', , title] of entries) {
      // Hrefs are written relative to the page that shows them, like its own links.
      const to = target(page, href) ?? '';
      expect(fs.existsSync(path.join(siteDir(), to)), to).toBe(true);
      expect(title).toBe(headingOf(to));
      previewed.add(to);
    }
    const missing = $('main a.entity-link').map((_, a) => target(page, $(a).attr('href') ?? '')).get().filter((to) => !previewed.has(to));
    expect(missing, 'entity links without a preview').toEqual([]);
  });

  it('puts no preview data in the pages themselves: it loads on demand', () => {
    const $ = loadPage('nato-stance/mh17.html');
    // The page's JSON-LD (schema.org, for unfurlers and search engines) is not hover-preview data.
    expect($('template, script:not([src]):not([type="application/ld+json"])').length).toBe(0);
    expect($('script[data-previews]').attr('defer')).toBeDefined();
  });
});

describe('scripts', () => {
  const scriptsOf = (page: string) => {
    const $ = loadPage(page);
    return $('script[src]').map((_, s) => ({ path: target(page, $(s).attr('src') ?? ''), defer: $(s).attr('defer') !== undefined })).get();
  };

  it('loads the contents script and the preview loader, deferred, on section pages only', () => {
    for (const page of siteFiles()) {
      const scripts = scriptsOf(page);
      const reading = scripts.filter((s) => s.path === 'assets/toc.js' || s.path === 'assets/preview-loader.js');
      if (sectionPages().includes(page)) {
        expect(reading.map((s) => s.path).sort(), page).toEqual(['assets/preview-loader.js', 'assets/toc.js']);
        expect(reading.every((s) => s.defer), page).toBe(true);
      } else if (!page.startsWith('entities/')) {
        expect(reading, page).toEqual([]);
      }
    }
  });

  it('gives the theme toggle a visible label and a pressed state', () => {
    const $ = loadPage('index.html');
    const toggle = $('button[data-theme-toggle]');
    expect(toggle.text().trim()).toMatch(/Dark theme$/);
    expect(toggle.attr('aria-pressed')).toBe('false');
    expect(toggle.attr('aria-label')).toBeUndefined();
  });
});
