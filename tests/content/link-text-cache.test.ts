import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirs } from '../helpers/temp-dirs.ts';
import { openLinkTextCache } from '../../src/content/link-text-cache.ts';

const tempDir = tempDirs('link-text');

describe('link text cache', () => {
  it('gives a later load the texts saved for the sections still there, and drops the others', () => {
    const dir = tempDir();
    const first = openLinkTextCache(dir);
    first.set('a', ['Russia and NATO', 'met']);
    first.set('b', ['gone']);
    first.save(new Set(['a']));
    const second = openLinkTextCache(dir);
    expect(second.get('a')).toEqual(['Russia and NATO', 'met']);
    expect(second.get('b')).toBeUndefined();
  });

  it('treats a missing, corrupt or foreign file as empty (the section is rendered again)', () => {
    const dir = tempDir();
    expect(openLinkTextCache(dir).get('a')).toBeUndefined();
    const file = path.join(dir, 'sections-link-text.json');
    fs.writeFileSync(file, '{ not json');
    expect(openLinkTextCache(dir).get('a')).toBeUndefined();
    fs.writeFileSync(file, JSON.stringify({ version: 999, entries: [['a', ['x']]] }));
    expect(openLinkTextCache(dir).get('a')).toBeUndefined();
    fs.writeFileSync(file, JSON.stringify({ version: 1, entries: [['a', [1, 2]], ['b', ['ok']]] }));
    const cache = openLinkTextCache(dir);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toEqual(['ok']);
  });

  it('does not rewrite the file when nothing changed', () => {
    const dir = tempDir();
    const cache = openLinkTextCache(dir);
    cache.set('a', ['x']);
    cache.save(new Set(['a']));
    const file = path.join(dir, 'sections-link-text.json');
    fs.utimesSync(file, new Date(0), new Date(0));
    openLinkTextCache(dir).save(new Set(['a']));
    expect(fs.statSync(file).mtimeMs).toBe(0);
    // And it does rewrite it when something did change (so the check above can fail).
    const changed = openLinkTextCache(dir);
    changed.set('a', ['y']);
    changed.save(new Set(['a']));
    expect(fs.statSync(file).mtimeMs).toBeGreaterThan(0);
    expect(openLinkTextCache(dir).get('a')).toEqual(['y']);
  });
});
