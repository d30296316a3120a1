import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatObjectsInv, inventoryEntries } from '../../src/links/objects-inv.ts';
import type { LinkTarget } from '../../src/schemas/links.ts';
import { readInventory } from '../helpers/inventory.ts';

const target = (t: Partial<LinkTarget> & Pick<LinkTarget, 'url'>): LinkTarget => ({ anchor: null, title: 'T', kind: 'page', topic: null, aliases: [], ...t });

describe('objects.inv', () => {
  const targets: LinkTarget[] = [
    target({ url: 'index.html', title: 'Home' }),
    target({ url: 'history.html', title: 'History', topic: 'history' }),
    target({ url: 'history/recognition.html', title: 'Recognition, 1933', topic: 'history', aliases: ['history/old-name.html', 'us-policy/recognition.html'] }),
    target({ url: 'history/recognition.html', anchor: 'relations-resumed', kind: 'heading', title: 'Relations resumed', topic: 'history', aliases: ['history/recognition.html#resumed'] }),
    target({ url: 'history/recognition.html', anchor: 'p-resumed', kind: 'paragraph', title: 'Normal diplomatic relations were resumed…', topic: 'history' }),
    target({ url: 'entities/inf-treaty.html', title: 'INF Treaty', aliases: ['entities/inf.html'] }),
  ];
  const inventory = readInventory(formatObjectsInv({ name: 'A Reference', version: '' }, inventoryEntries(targets)));

  it('starts with the four header lines of version 2', () => {
    expect(inventory.header).toEqual(['# Sphinx inventory version 2', '# Project: A Reference', '# Version: ', '# The remainder of this file is compressed using zlib.']);
  });

  it('has a std:doc for every page and a std:label for sections, entities, headings, paragraphs and their aliases', () => {
    const byType = (type: string) => inventory.objects.filter((o) => o.type === type).map((o) => `${o.name} -> ${o.uri} "${o.dispname}"`);
    expect(byType('std:doc')).toEqual([
      'index -> index.html "Home"',
      'history -> history.html "History"',
      'history/recognition -> history/recognition.html "Recognition, 1933"',
      'entities/inf-treaty -> entities/inf-treaty.html "INF Treaty"',
    ]);
    expect(byType('std:label')).toEqual([
      'history/recognition -> history/recognition.html "Recognition, 1933"',
      'history/old-name -> history/recognition.html "Recognition, 1933"',
      'us-policy/recognition -> history/recognition.html "Recognition, 1933"',
      'history/recognition#relations-resumed -> history/recognition.html#relations-resumed "Relations resumed"',
      'history/recognition#resumed -> history/recognition.html#relations-resumed "Relations resumed"',
      'history/recognition#p-resumed -> history/recognition.html#p-resumed "Normal diplomatic relations were resumed…"',
      'entities/inf-treaty -> entities/inf-treaty.html "INF Treaty"',
      'entities/inf -> entities/inf-treaty.html "INF Treaty"',
    ]);
    expect(inventory.objects.every((o) => o.priority === -1)).toBe(true);
  });

  it('keeps any title on one line and readable back, whatever characters it holds', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (title) => {
        const [, label] = readInventory(formatObjectsInv({ name: 'P', version: '1' }, inventoryEntries([target({ url: 'history/x.html', title, topic: 'history' })]))).objects;
        const expected = title.replace(/\s+/g, ' ').trim() || '-';
        expect(label).toEqual({ name: 'history/x', type: 'std:label', priority: -1, uri: 'history/x.html', dispname: expected });
      }),
    );
  });

  it('refuses a name with whitespace, naming it and the fix', () => {
    expect(() => formatObjectsInv({ name: 'P', version: '' }, inventoryEntries([target({ url: 'history/x.html', anchor: 'a b', kind: 'heading' })]))).toThrow(
      'objects.inv: the name "history/x#a b" has whitespace, which the format cannot hold; give the target an id without spaces.',
    );
  });
});
