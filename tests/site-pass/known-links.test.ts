/**
 * The site pass checks again only the pages that are not exactly as the last passing check saw
 * them: a page whose bytes, and the site's files and every page's ids (its link world,
 * src/links/link-world.ts), are unchanged is known to pass. A broken link must be found all the
 * same: on a changed page, and on an unchanged page whose target lost its id. Runs the real worker.
 */
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { PagePath } from '../../src/lib/urls.ts';
import { homeHtml, runSitePass, sectionHtml } from '../helpers/site-pass.ts';
import { tempBuildRoot } from '../helpers/temp-build.ts';

const tmp = tempBuildRoot('known-links');
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const selfLinked = (tag: string, id: string, text: string) => `<${tag} id="${id}">${text} <a href="#${id}">#</a></${tag}>`;
const alpha = (headingId: string, sentence = '') => sectionHtml('Alpha', `${selfLinked('h2', headingId, 'Talks')}${selfLinked('p', 'p-1', `Arms talks resumed in Geneva.${sentence}`)}`);
const beta = (extra = '') => sectionHtml('Beta', `${selfLinked('p', 'p-2', 'Sanctions followed the annexation.')}<p><a href="a.html#talks">Talks</a>${extra}</p>`);
const site = (a: string, b: string): Record<string, string> => ({
  'index.html': homeHtml('<a href="history/a.html#p-1">A</a> <a href="history/b.html">B</a>'),
  'history/a.html': a,
  'history/b.html': b,
});
const ORDER = ['index.html', 'history/a.html', 'history/b.html'] as PagePath[];

describe('the link check after a passing one', () => {
  it('checks only changed pages while the link world holds, and still finds every broken link', async () => {
    const cacheDir = `${tmp}/cache`;
    const pass = (pages: Record<string, string>) => runSitePass(tmp, { pages, order: ORDER, cacheDir });

    const first = await pass(site(alpha('talks'), beta()));
    expect(first.result.check.failures).toEqual([]);
    expect(first.result.check.known).toBe(0);

    // A sentence added to Alpha: no id or file changed, so Home and Beta are known to pass.
    const edited = await pass(site(alpha('talks', ' Indeed so.'), beta()));
    expect(edited.result.checkRestored).toBe(false);
    expect(edited.result.check.failures).toEqual([]);
    expect(edited.result.check.known).toBe(2);

    // Beta now links to a page that does not exist: Beta changed, so it is checked and fails.
    const broken = await pass(site(alpha('talks', ' Indeed so.'), beta(' <a href="missing.html">gone</a>')));
    expect(broken.result.check.known).toBe(2);
    expect(broken.result.check.failures.join('\n')).toMatch(/history\/b\.html: a\[href\] "missing\.html"/);

    // A failed check keeps nothing: the next pass still knows the state of the last passing one.
    const again = await pass(site(alpha('talks', ' Indeed so.'), beta()));
    expect(again.result.check.failures).toEqual([]);

    // Alpha's heading loses its id "talks"; Beta, unchanged, links to it: the world changed, so
    // Beta is checked again and its link reported.
    const lost = await pass(site(alpha('talks-resumed', ' Indeed so.'), beta()));
    expect(lost.result.check.known).toBe(0);
    expect(lost.result.check.failures.join('\n')).toMatch(/history\/b\.html: a\[href\] "a\.html#talks"/);
  });
});
