/**
 * The built site shows corroboration: the seed ingested into an empty folder, then the intact
 * provenance quotes, then a build. A corroborated paragraph says "also in" with links that
 * resolve to the other source's line; restored words are editorial and their notes link to the
 * evidence's line; the source page says, line by line, which other source shares it.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, tempBuildRoot } from '../helpers/temp-build.ts';
import { run } from './helpers.ts';

const SEED = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'seed', 'russia-us-relations.scraped.txt');
const QUOTES = [
  'following the 1917 Bolshevik Revolution',
  'On December 6, 1917, President Woodrow Wilson instructed…',
  'resumed on November 16, 1933, when President Franklin Roosevelt informed…',
  'a body jointly founded in 2009 by the United States and Russia',
  "the Russian violation in 2014 of Ukraine's sovereignty",
];
let root = '';
let out = '';
let built: { status: number | null; output: string } = { status: null, output: '' };

beforeAll(() => {
  root = tempBuildRoot('corroboration');
  const content = path.join(root, 'content');
  fs.mkdirSync(content);
  fs.writeFileSync(path.join(root, 'quotes.txt'), `${QUOTES.join('\n\n')}\n`);
  run('ingest', content, SEED, '--id', 'russia-us-relations');
  run('ingest', content, path.join(root, 'quotes.txt'), '--id', 'quotes', '--title', 'Intact quotes', '--publisher', 'Provenance research');
  out = path.join(root, 'dist');
  built = buildSite(out, { SITE_CONTENT_DIR: content });
}, 600_000);
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const page = (p: string) => cheerio.load(fs.readFileSync(path.join(out, p), 'utf8'));
/** Resolves a relative href from page `from` and checks the file and its fragment exist. */
function resolves(from: string, href: string): boolean {
  const [file, fragment] = href.split('#');
  const target = file ? path.normalize(path.join(path.dirname(from), decodeURIComponent(file))) : from;
  if (!fs.existsSync(path.join(out, target))) return false;
  return !fragment || page(target)(`[id="${decodeURIComponent(fragment)}"]`).length === 1;
}

describe.skipIf(!fs.existsSync(SEED))('corroboration on the built site', () => {
  it('builds', () => expect(built.status, built.output.slice(-3000)).toBe(0));

  it('shows the corroborated paragraph with "also in" links that resolve, and restored words as editorial', () => {
    const pages = ['us-policy', 'history', 'nato-stance', 'cooperation'].flatMap((t) => (fs.existsSync(path.join(out, t)) ? fs.readdirSync(path.join(out, t)).filter((f) => f.endsWith('.html')).map((f) => `${t}/${f}`) : []));
    const sectionFile = pages.find((f) => page(f)('.corroboration-notes').text().includes('Intact quotes') && page(f)('#text').text().includes('Woodrow Wilson'));
    expect(sectionFile, `a section page naming Woodrow Wilson with an "also in: Intact quotes" note, among ${pages.length} pages`).toMatch(/^[a-z-]+\/[^/]+\.html$/);
    const $ = page(sectionFile as string);
    const note = $('.corroboration-notes li').filter((_, li) => $(li).text().includes('Intact quotes')).first();
    expect(note.text()).toMatch(/also in: Intact quotes, line \d+/);
    const links = note.find('a').map((_, a) => $(a).attr('href') ?? '').get();
    expect(links.some((h) => /^\.\.\/sources\/quotes\.html#L\d+$/.test(h))).toBe(true);
    for (const h of links) expect(resolves(sectionFile as string, h), h).toBe(true);

    const paragraph = $('#text p').filter((_, p) => $(p).text().includes('Woodrow Wilson')).first();
    expect(paragraph.find('ins[data-editorial]').map((_, i) => $(i).text().trim()).get()).toEqual(expect.arrayContaining(['1917', '1917,', '1933,']));
    const bare = paragraph.clone();
    bare.find('[data-editorial]').remove();
    expect(bare.text().replace(/\s+/g, ' ')).toContain('On December 6,President Woodrow Wilson');
    const evidence = $('.repair-note__source').map((_, a) => $(a).attr('href') ?? '').get();
    expect(evidence.length).toBeGreaterThan(0);
    for (const h of evidence) expect(resolves(sectionFile as string, h), h).toBe(true);
  });

  it('says on the source page which other source shares a line, linked to its line', () => {
    const $ = page('sources/russia-us-relations.html');
    const shared = $('#L51 .source-line__shared');
    expect(shared.text()).toMatch(/Also in: Intact quotes, line/);
    for (const a of shared.find('a').get()) expect(resolves('sources/russia-us-relations.html', $(a).attr('href') ?? '')).toBe(true);
    const back = page('sources/quotes.html')('.source-line__shared').first();
    expect(back.text()).toMatch(/Also in: .*line 5[13]/);
  });

  it('puts the restored dates on the timeline', () => {
    const text = page('timeline.html')('main').text().replace(/\s+/g, ' ');
    expect(text).toContain('6 December 1917');
    expect(text).toContain('16 November 1933');
  });
});
