import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteDir } from '../helpers/site.ts';
import { sphinxAvailable, sphinxBuild } from '../helpers/sphinx.ts';

/** Where the reference is said to be served; intersphinx only joins it to each uri (no request). */
const BASE = 'https://reference.example/ref/';

/** A tiny Sphinx project whose intersphinx mapping points at the seed build's objects.inv. */
function sphinxProject(dir: string, body: string): string {
  const src = path.join(dir, 'src');
  fs.mkdirSync(src, { recursive: true });
  const inventory = path.join(siteDir(), 'objects.inv');
  fs.writeFileSync(
    path.join(src, 'conf.py'),
    [
      "project = 'Linking test'",
      "extensions = ['sphinx.ext.intersphinx']",
      `intersphinx_mapping = {'ref': (${JSON.stringify(BASE)}, ${JSON.stringify(inventory)})}`,
      "html_theme = 'basic'",
      '',
    ].join('\n'),
  );
  fs.writeFileSync(path.join(src, 'index.rst'), `Linking test\n============\n\n${body}\n`);
  return src;
}

/**
 * A real Sphinx (Debian's python3-sphinx) resolves `:ref:` names against the built objects.inv,
 * through intersphinx, for the four kinds of target, and `-n -W` fails on a name not there.
 */
describe.runIf(sphinxAvailable())('Sphinx intersphinx against objects.inv', () => {
  let tmp = '';
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'linking-sphinx-'));
  });
  afterAll(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('resolves a section, a heading, a paragraph and an entity, with their titles', () => {
    const dir = path.join(tmp, 'good');
    const src = sphinxProject(
      dir,
      [
        'Section: :ref:`ref:history/revolution-and-recognition`.',
        '',
        'Heading: :ref:`history/revolution-and-recognition#relations-interrupted`.',
        '',
        'Paragraph: :ref:`the interruption <ref:history/revolution-and-recognition#p-interrupted>`.',
        '',
        'Entity: :ref:`entities/nato`.',
        '',
        'Page: :doc:`ref:timeline`.',
      ].join('\n'),
    );
    const result = sphinxBuild(src, path.join(dir, 'out'));
    expect(result.status, result.output).toBe(0);
    const $ = cheerio.load(fs.readFileSync(path.join(dir, 'out', 'index.html'), 'utf8'));
    const links = $('div.body a.reference.external, div[role="main"] a.reference.external')
      .map((_, a) => ({ href: $(a).attr('href'), text: $(a).text() }))
      .get();
    expect(links).toEqual([
      { href: `${BASE}history/revolution-and-recognition.html`, text: 'From the Bolshevik Revolution to recognition, 1917–1933' },
      { href: `${BASE}history/revolution-and-recognition.html#relations-interrupted`, text: 'Relations interrupted' },
      { href: `${BASE}history/revolution-and-recognition.html#p-interrupted`, text: 'the interruption' },
      { href: `${BASE}entities/nato.html`, text: 'NATO' },
      { href: `${BASE}timeline.html`, text: expect.stringContaining('Timeline') },
    ]);
    for (const link of links) {
      const [file = '', anchor] = (link.href ?? '').slice(BASE.length).split('#');
      expect(fs.existsSync(path.join(siteDir(), file)), file).toBe(true);
      if (anchor) expect(cheerio.load(fs.readFileSync(path.join(siteDir(), file), 'utf8'))(`[id="${anchor}"]`).length, link.href).toBe(1);
    }
  });

  it('fails sphinx-build -n -W on a name the reference does not have, naming it', () => {
    const dir = path.join(tmp, 'dead');
    const src = sphinxProject(dir, 'Gone: :ref:`ref:history/no-such-section#p-nothing`.');
    const result = sphinxBuild(src, path.join(dir, 'out'));
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('history/no-such-section#p-nothing');
  });
});
