import { describe, expect, it } from 'vitest';
import { loadPage, sectionPages, siteFiles } from '../helpers/site.ts';

describe('built pages', () => {
  const pages = siteFiles(['.html']);

  it('has the home page, four topic pages and at least 12 section pages', () => {
    expect(pages).toContain('index.html');
    for (const topic of ['nato-stance', 'history', 'cooperation', 'us-policy']) expect(pages).toContain(`${topic}.html`);
    expect(sectionPages().length).toBeGreaterThanOrEqual(12);
  });

  it.each(pages)('%s has one <main>, one <h1>, a lang, a title and a description', (page) => {
    const $ = loadPage(page);
    expect($('main')).toHaveLength(1);
    expect($('h1')).toHaveLength(1);
    expect($('html').attr('lang')).toBe('en');
    expect($('title').text().trim()).not.toBe('');
    expect($('meta[name="description"]').attr('content')?.trim()).toBeTruthy();
  });

  it('lists each topic’s sections, in order, on the topic page', () => {
    const $ = loadPage('history.html');
    const titles = $('main .summary-list h2 a').map((_, a) => $(a).text()).get();
    expect(titles).toEqual(['From the Bolshevik Revolution to recognition, 1917–1933', 'Recognition of the Russian Federation, 1991']);
  });

  it('gives a section page its summary, fact box, contents, related sections, publisher and neighbours', () => {
    const $ = loadPage('nato-stance/mh17.html');
    expect($('main .lede').text()).toContain('MH17');
    expect($('main .fact-box dt').map((_, d) => $(d).text()).get()).toEqual(expect.arrayContaining(['Actors', 'Demands', 'Dates']));
    // The contents sit in the section's sidebar (beside <main>), folded into a disclosure on phones.
    expect($('.sidebar .toc a').length).toBeGreaterThan(1);
    expect($('main #related-heading').length).toBe(1);
    expect($('main a[href="https://www.nato.int/cps/en/natohq/topics_50090.htm"]').length).toBeGreaterThan(0);
    expect($('main .prev-next a[rel="prev"]').attr('href')).toBe('ukraine-and-crimea.html');
    expect($('main .prev-next a[rel="next"]').attr('href')).toBe('minsk-agreements.html');
    expect($('main .breadcrumbs a').map((_, a) => $(a).attr('href')).get()).toEqual(['../index.html', '../nato-stance.html']);
  });
});
