import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oldUrlProblems } from '../../src/content/old-urls-check.ts';
import { addToLock, checkLock, targetKey } from '../../src/links/lock.ts';
import { scanSite } from '../../src/links/scan-site.ts';
import { linksJsonSchema, type LinkTarget } from '../../src/schemas/links.ts';
import { readInventory } from '../helpers/inventory.ts';
import { siteDir } from '../helpers/site.ts';
import { buildSite, tempBuildRoot } from '../helpers/temp-build.ts';

const projectRoot = path.resolve(import.meta.dirname, '../..');
const SITE_URL = 'https://reference.example/ref/';
const SECTION = 'history/revolution-and-recognition.html';

/** links.json checked against links.schema.json beside it, by ajv (a JSON Schema validator of its own). */
function schemaErrors(dir: string): string[] {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(dir, 'links.schema.json'), 'utf8')));
  const ok = validate(JSON.parse(fs.readFileSync(path.join(dir, 'links.json'), 'utf8')));
  return ok ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

describe('links.schema.json', () => {
  it('validates the seed build’s links.json, and rejects a target without aliases or a URL with "/" in front', () => {
    expect(schemaErrors(siteDir())).toEqual([]);
    const ajv = new Ajv2020({ allErrors: true });
    const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(siteDir(), 'links.schema.json'), 'utf8')));
    const target = { url: 'a.html', anchor: null, title: 'A', kind: 'page', topic: null, aliases: [] };
    expect(validate({ version: 2, targets: [target] })).toBe(true);
    expect(validate({ version: 2, targets: [{ ...target, aliases: undefined }] })).toBe(false);
    expect(validate({ version: 2, targets: [{ ...target, url: '/a.html' }] })).toBe(false);
    expect(validate({ version: 1, targets: [target] })).toBe(false);
  });
});

/**
 * A copy of the seed content where a history section keeps an old slug and an old URL in another
 * topic, and NATO keeps a former id; built with SITE_URL, so pages carry absolute link previews.
 */
describe('moves that keep links alive, on an edited copy of the content', () => {
  let tmp = '';
  let out = '';
  let targets: LinkTarget[] = [];
  beforeAll(() => {
    tmp = tempBuildRoot('linking-moves');
    const content = path.join(tmp, 'content');
    fs.cpSync(path.join(projectRoot, 'content'), content, { recursive: true });
    const section = path.join(content, 'sections/history/revolution-and-recognition.mdx');
    fs.writeFileSync(section, fs.readFileSync(section, 'utf8').replace(/^topic: history$/m, 'topic: history\naliases:\n- us-policy/recognition-1933\n- recognition'));
    fs.appendFileSync(path.join(content, 'entities/nato.yaml'), 'formerIds:\n- north-atlantic-alliance\n');
    out = path.join(tmp, 'dist');
    const result = buildSite(out, { SITE_CONTENT_DIR: content, SITE_URL, SOURCE_DATE_EPOCH: '1700000000' });
    if (result.status !== 0) throw new Error(`the edited copy did not build:\n${result.output}`);
    targets = linksJsonSchema.parse(JSON.parse(fs.readFileSync(path.join(out, 'links.json'), 'utf8'))).targets;
  });
  afterAll(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });
  const load = (file: string) => cheerio.load(fs.readFileSync(path.join(out, file), 'utf8'));

  it.each([
    ['us-policy/recognition-1933.html', '../history/revolution-and-recognition.html', SECTION],
    ['history/recognition.html', 'revolution-and-recognition.html', SECTION],
    ['entities/north-atlantic-alliance.html', 'nato.html', 'entities/nato.html'],
  ])('puts a page at the old URL %s that sends readers on', (old, href, to) => {
    const $ = load(old);
    expect($('meta[http-equiv="refresh"]').attr('content')).toBe(`0; url=${href}`);
    expect($('main a').first().attr('href')).toBe(href);
    expect($('meta[name="robots"]').attr('content')).toBe('noindex');
    expect($('link[rel="canonical"]').map((_, l) => $(l).attr('href')).get()).toEqual([`${SITE_URL}${to}`]);
  });

  it('lists the old URLs as aliases in links.json, for the page and each of its anchors, valid against the schema', () => {
    expect(schemaErrors(out)).toEqual([]);
    const find = (url: string, anchor: string | null) => targets.find((t) => t.url === url && t.anchor === anchor);
    expect(find(SECTION, null)?.aliases).toEqual(['history/recognition.html', 'us-policy/recognition-1933.html']);
    expect(find(SECTION, 'p-interrupted')?.aliases).toEqual(['history/recognition.html#p-interrupted', 'us-policy/recognition-1933.html#p-interrupted']);
    expect(find('entities/nato.html', null)?.aliases).toEqual(['entities/north-atlantic-alliance.html']);
    expect(targets.some((t) => t.url === 'us-policy/recognition-1933.html' || t.url === 'entities/north-atlantic-alliance.html')).toBe(false);
  });

  it('names the old URLs in objects.inv, pointing where they land now', () => {
    const labels = readInventory(fs.readFileSync(path.join(out, 'objects.inv'))).objects.filter((o) => o.type === 'std:label');
    const uriOf = (name: string) => labels.find((o) => o.name === name)?.uri;
    expect(uriOf('us-policy/recognition-1933')).toBe(SECTION);
    expect(uriOf('us-policy/recognition-1933#p-interrupted')).toBe(`${SECTION}#p-interrupted`);
    expect(uriOf('history/recognition')).toBe(SECTION);
    expect(uriOf('entities/north-atlantic-alliance')).toBe('entities/nato.html');
  });

  it('locks the aliases like any published target: losing an old URL fails the lock check', () => {
    const { lock } = addToLock(null, targets);
    const keys = lock.targets.map(targetKey);
    expect(keys).toContain('us-policy/recognition-1933.html#p-interrupted');
    expect(keys).toContain('entities/north-atlantic-alliance.html');
    const site = scanSite(out);
    expect(checkLock(lock, site)).toEqual([]);
    site.pages.delete('entities/north-atlantic-alliance.html' as never);
    site.files.delete('entities/north-atlantic-alliance.html');
    expect(checkLock(lock, site).map((p) => targetKey(p.target))).toEqual(['entities/north-atlantic-alliance.html']);
  });

  it('gives link previews absolute URLs when SITE_URL is set', () => {
    const $ = load(SECTION);
    expect($('head link[rel="canonical"]').attr('href')).toBe(`${SITE_URL}${SECTION}`);
    expect($('head meta[property="og:url"]').attr('content')).toBe(`${SITE_URL}${SECTION}`);
    const data = JSON.parse($('script[type="application/ld+json"]').text()) as { url: string; isPartOf: { url: string }; isBasedOn: { url: string } };
    expect(data.url).toBe(`${SITE_URL}${SECTION}`);
    expect(data.isPartOf.url).toBe(SITE_URL);
    expect(data.isBasedOn.url).toBe(`${SITE_URL}sources/russia-us-relations.html`);
  });
});

describe('old URLs in the content check', () => {
  const section = (topic: string, aliases: string[]) => ({ file: `sections/${topic}.mdx`, data: { topic: topic.split('/')[0] ?? '', aliases } });
  it('rejects an alias that is a current section, or claimed twice, and a former id that is a current entity, naming file, field and fix', () => {
    const sections = new Map([
      ['history/a', section('history/a', ['us-policy/b', 'old'])],
      ['us-policy/b', section('us-policy/b', ['history/old'])],
    ]);
    const problems = oldUrlProblems(sections, [
      { file: 'entities/nato.yaml', id: 'nato', formerIds: ['russia'] },
      { file: 'entities/russia.yaml', id: 'russia', formerIds: [] },
    ]);
    expect(problems).toEqual([
      { file: 'sections/history/a.mdx', field: 'aliases.0', expected: 'an old URL no current section uses', found: '"us-policy/b", the URL of the section us-policy/b', hint: 'remove the alias, or rename the other section.' },
      { file: 'sections/us-policy/b.mdx', field: 'aliases.0', expected: 'an old URL no other section claims', found: '"history/old", already an alias of history/a', hint: 'keep the alias on the one section the old URL should lead to.' },
      { file: 'entities/nato.yaml', field: 'formerIds.0', expected: 'an earlier id no current entity has', found: '"russia", the id of entities/russia.yaml', hint: 'remove it, or rename the other entity.' },
    ]);
  });
});
