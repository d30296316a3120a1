import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFrontmatter } from '../../src/content/frontmatter.ts';
import { resolveUrl, type PagePath } from '../../src/lib/urls.ts';
import { dateSortKey } from '../../src/lib/dates.ts';
import { collapse, loadPage, sectionPages, siteDir, siteFiles, sourceTextOf } from '../helpers/site.ts';

const root = path.resolve(import.meta.dirname, '../..');
const sourceText = collapse(fs.readFileSync(path.join(root, 'content/sources/russia-us-relations.txt'), 'utf8'));

interface RepairFm { after: string; insert?: string; confidence: string; evidence?: { publisher: string; url: string; quote: string } }
/** The repairs of a section page's file, as written by the editors. */
function repairsOf(page: string): RepairFm[] {
  const parsed = parseFrontmatter(fs.readFileSync(path.join(root, 'content/sections', page.replace(/\.html$/, '.mdx')), 'utf8'));
  if (!parsed.ok) throw new Error(`${page}: ${parsed.message}`);
  return ((parsed.data as { repairs?: RepairFm[] }).repairs ?? []);
}

/** The page and fragment an href on `from` points to, and whether both exist in the built site. */
function target(from: string, href: string): { path: string; fragment: string | null; exists: boolean } {
  const { path: to, fragment } = resolveUrl(from as PagePath, href);
  const file = path.join(siteDir(), to);
  if (!fs.existsSync(file)) return { path: to, fragment, exists: false };
  if (fragment === null) return { path: to, fragment, exists: true };
  return { path: to, fragment, exists: loadPage(to)(`[id="${fragment}"]`).length === 1 };
}

const pages = sectionPages();

describe('repairs on section pages', () => {
  const withRepairs = pages.filter((p) => repairsOf(p).length > 0);

  it('covers the seed’s repairs', () => {
    expect(withRepairs.length).toBeGreaterThanOrEqual(12);
    expect(withRepairs.flatMap(repairsOf).length).toBeGreaterThanOrEqual(25);
  });

  it.each(withRepairs)('%s shows each restoration as ins[data-editorial] right after its words, with a note giving evidence and confidence', (page) => {
    const $ = loadPage(page);
    repairsOf(page).forEach((r, i) => {
      const n = i + 1;
      const mark = $(`main .source-text [data-editorial] a[href="#repair-${n}"]`);
      expect(mark, `${page}: mark of repair ${n}`).toHaveLength(1);
      const note = $(`main #repair-${n}`);
      expect(note, `${page}: note ${n}`).toHaveLength(1);
      const noteText = collapse(note.text());
      expect(noteText).toContain(`Confidence: ${r.confidence}`);
      if (r.evidence) {
        expect(noteText).toContain(r.evidence.publisher);
        expect(noteText).toContain(collapse(r.evidence.quote));
        expect(note.find(`a[href="${r.evidence.url}"]`).text()).toBe(r.evidence.url);
      }
      if (r.insert !== undefined) {
        const ins = $(`main .source-text ins[data-editorial][data-repair="${n}"]`);
        expect(ins, `${page}: ins of repair ${n}`).toHaveLength(1);
        expect(ins.text()).toBe(r.insert);
        expect(ins.closest('p').length).toBe(1);
        // The restored words follow `after` immediately: cut the paragraph's source text at the insertion.
        const SPOT = '\u2063';
        const paragraph = ins.closest('p').clone();
        paragraph.find(`ins[data-repair="${n}"]`).replaceWith(SPOT);
        paragraph.find('[data-editorial]').remove();
        const [before = ''] = paragraph.text().split(SPOT);
        expect(collapse(before).endsWith(collapse(r.after)), `${page}: ${n} not right after "${r.after}"`).toBe(true);
        expect(noteText).toContain('not in the scraped text');
      } else {
        expect($(`main .source-text ins[data-repair="${n}"]`)).toHaveLength(0);
        expect(noteText).toContain('nothing is restored');
      }
      // The note links back to its mark.
      expect(note.find(`a[href="#repair-ref-${n}"]`)).toHaveLength(1);
    });
  });

  it.each(pages)('%s: without [data-editorial], every paragraph is source text', (page) => {
    const $ = loadPage(page);
    const paragraphs = $('main .source-text p[id]');
    expect(paragraphs.length, `${page}: no paragraph found to check`).toBeGreaterThan(0);
    paragraphs.each((_, p) => {
      expect(sourceText, `${page}#${$(p).attr('id')}`).toContain(sourceTextOf($, p));
    });
  });
});

describe('entity links on section pages', () => {
  it.each(pages)('%s links each entity once, from source text, to an existing entity page', (page) => {
    const $ = loadPage(page);
    const links = $('main .source-text a.entity-link');
    const ids = links.map((_, a) => $(a).attr('data-entity')).get();
    expect(new Set(ids).size, `${page}: an entity linked twice`).toBe(ids.length);
    links.each((_, a) => {
      const el = $(a);
      expect(el.is('[data-editorial]')).toBe(false);
      expect(el.closest('h1, h2, h3, h4, h5, h6, [data-editorial]').length).toBe(0);
      const href = el.attr('href') ?? '';
      expect(href.startsWith('../entities/')).toBe(true);
      const t = target(page, href);
      expect(t.exists, `${page}: ${href}`).toBe(true);
      expect(t.path).toBe(`entities/${el.attr('data-entity')}.html`);
    });
  });

  it('links the entities a reader would expect', () => {
    const $ = loadPage('nato-stance/mh17.html');
    const ids = $('main .source-text a.entity-link').map((_, a) => $(a).attr('data-entity')).get();
    expect(ids).toEqual(expect.arrayContaining(['nato', 'mh17', 'netherlands', 'australia', 'russia']));
    const hybrid = loadPage('us-policy/hybrid-tools.html');
    expect(hybrid('main .source-text a.entity-link[data-entity="european-union"]').text()).toBe('EU');
  });
});

describe('entity pages', () => {
  const entityPages = siteFiles(['.html']).filter((f) => f.startsWith('entities/'));

  it('exist for every entity, with kind and description', () => {
    expect(entityPages.length).toBeGreaterThanOrEqual(30);
    for (const page of entityPages) {
      const $ = loadPage(page);
      expect($('main .kind').text().trim(), page).not.toBe('');
      expect($('main .entity-description').text().trim(), page).not.toBe('');
    }
  });

  /**
   * The expectation, from the section pages rather than from the link graph that makes the list:
   * for each entity, the sections with a paragraph whose text links to it.
   */
  const linkedFrom = new Map<string, Set<string>>();
  for (const section of pages) {
    const $ = loadPage(section);
    $('main .source-text p a.entity-link').each((_, a) => {
      const id = $(a).attr('data-entity') ?? '';
      linkedFrom.set(id, (linkedFrom.get(id) ?? new Set()).add(section.replace(/\.html$/, '')));
    });
  }

  it('lists, on each entity page, exactly the sections whose paragraphs link to it', () => {
    let listed = 0;
    for (const page of entityPages) {
      const $ = loadPage(page);
      const sections = $('main li.mention').map((_, li) => $(li).attr('data-section')).get();
      listed += sections.length;
      expect(sections.sort(), page).toEqual([...(linkedFrom.get(path.basename(page, '.html')) ?? [])].sort());
    }
    // The seed names dozens of entities across its sections: an empty walk must not pass.
    expect(listed).toBe([...linkedFrom.values()].reduce((n, s) => n + s.size, 0));
    expect(listed).toBeGreaterThanOrEqual(60);
  });

  it.each(entityPages)('%s: every "mentioned in" link lands on a paragraph that links back to it', (page) => {
    const $ = loadPage(page);
    const entityId = path.basename(page, '.html');
    const items = $('main .mention');
    expect(items.length, page).toBe(linkedFrom.get(entityId)?.size ?? 0);
    items.each((_, li) => {
      const href = $(li).find('a.mention__link').attr('href') ?? '';
      const t = target(page, href);
      expect(t.exists, `${page}: ${href}`).toBe(true);
      expect(t.fragment).not.toBeNull();
      const $section = loadPage(t.path);
      const paragraph = $section(`[id="${t.fragment}"]`);
      expect(paragraph.find(`a.entity-link[data-entity="${entityId}"]`).length, `${href} has no link to ${entityId}`).toBe(1);
      expect(sourceTextOf($section, paragraph.get(0) ?? [])).toContain(collapse($(li).find('.mention__context').text()));
    });
  });

  it('shows mentions, sections naming it and related entities both ways', () => {
    const $ = loadPage('entities/inf-treaty.html');
    expect($('main .mention a.mention__link').map((_, a) => $(a).attr('href')).get()).toContain('../nato-stance/inf-treaty.html#p-inf-purpose');
    expect($('#related-heading').parent().find('a').map((_, a) => $(a).attr('href')).get()).toContain('9m729.html');
    // 9M729 declares the INF Treaty related; the INF Treaty page shows it back, and vice versa.
    const missile = loadPage('entities/9m729.html');
    expect(missile('#related-heading').parent().find('a').map((_, a) => missile(a).attr('href')).get()).toContain('inf-treaty.html');
  });
});

describe('timeline', () => {
  const $ = loadPage('timeline.html');
  const days = $('main .timeline-day').map((_, li) => $(li).attr('data-date')).get();

  it('lists dates in order, partial dates before the days within them', () => {
    expect(days.length).toBeGreaterThanOrEqual(20);
    expect(days).toEqual([...days].sort((a, b) => dateSortKey(a).localeCompare(dateSortKey(b))));
    expect(new Set(days).size).toBe(days.length);
  });

  it('shows partial dates as partial and marks restored ones', () => {
    const day = (date: string) => $(`main .timeline-day[data-date="${date}"]`);
    expect(collapse(day('1917').find('time').text())).toBe('1917');
    expect(day('1917').find('time').attr('data-precision')).toBe('year');
    expect(collapse(day('2014-04').find('time').text())).toBe('April 2014');
    expect(collapse(day('2014-07-17').find('time').text())).toBe('17 July 2014');
    expect(day('1933-11-16').find('.timeline-fact--restored .badge--restored').length).toBeGreaterThan(0);
    expect(day('1949-04-04').find('.badge--restored').length).toBe(0);
  });

  it('links every fact to where it is stated', () => {
    const hrefs = $('main a.timeline-fact__where').map((_, a) => $(a).attr('href')).get();
    expect(hrefs.length).toBeGreaterThanOrEqual(days.length);
    for (const href of hrefs) expect(target('timeline.html', href).exists, href).toBe(true);
    expect(hrefs).toContain('history/revolution-and-recognition.html#p-resumed');
  });
});

describe('source page', () => {
  const page = 'sources/russia-us-relations.html';
  const $ = loadPage(page);

  it('links each placed part of a line to the paragraph holding it', () => {
    const segments = $('main .source-segment');
    expect(segments.length).toBeGreaterThanOrEqual(20);
    segments.each((_, seg) => {
      const where = $(seg).next('a.source-segment__where');
      const t = target(page, where.attr('href') ?? '');
      expect(t.exists, where.attr('href')).toBe(true);
      expect(t.fragment).toBe($(seg).attr('data-paragraph'));
      const paragraph = loadPage(t.path)(`[id="${t.fragment}"]`);
      expect(collapse(sourceTextOf($, seg))).toBe(sourceTextOf(loadPage(t.path), paragraph.get(0) ?? []));
    });
  });

  it('marks repairs as editorial, linking to their notes, and keeps dropped lines with reasons', () => {
    const marks = $('main .source-line a.source-repair');
    expect(marks.length).toBeGreaterThanOrEqual(25);
    marks.each((_, a) => {
      expect($(a).is('[data-editorial]')).toBe(true);
      expect(target(page, $(a).attr('href') ?? '').exists, $(a).attr('href')).toBe(true);
    });
    expect($('main .source-line--dropped .badge--dropped').length).toBeGreaterThanOrEqual(10);
  });
});

describe('section connections', () => {
  it('shows the sections that reference a section, and how', () => {
    const $ = loadPage('cooperation/counter-narcotics.html');
    // cooperation/afghanistan declares it related: the backlink shows here, saying how.
    const backlinks = $('main .section-backlinks li');
    expect(backlinks.find('a').map((_, a) => $(a).attr('href')).get()).toContain('afghanistan.html');
    expect(collapse(backlinks.text())).toContain('lists this section as related');
  });
});

describe('entities index', () => {
  it('groups entities under readable kind headings, with how many sections mention each', () => {
    const $ = loadPage('entities.html');
    expect($('main h2').map((_, h) => $(h).text()).get()).toEqual(expect.arrayContaining(['Treaties', 'People', 'Weapon systems']));
    const russia = $('main a[href="entities/russia.html"]').parent();
    expect(Number(collapse(russia.find('.muted').text()).replace('·', '').trim())).toBeGreaterThanOrEqual(10);
  });
});
