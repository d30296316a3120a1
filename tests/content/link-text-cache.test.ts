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

  it('treats a missing, corrupt or foreign part as empty (the section is rendered again)', () => {
    const dir = tempDir();
    expect(openLinkTextCache(dir).get('a1')).toBeUndefined();
    // Digests starting with "a" are kept in part "a".
    const file = path.join(dir, 'sections-link-text', 'a.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '{ not json');
    expect(openLinkTextCache(dir).get('a1')).toBeUndefined();
    fs.writeFileSync(file, JSON.stringify({ version: 999, entries: [['a1', ['x']]] }));
    expect(openLinkTextCache(dir).get('a1')).toBeUndefined();
    fs.writeFileSync(file, JSON.stringify({ version: 1, entries: [['a1', [1, 2]], ['a2', ['ok']]] }));
    const cache = openLinkTextCache(dir);
    expect(cache.get('a1')).toBeUndefined();
    expect(cache.get('a2')).toEqual(['ok']);
  });

  it('rewrites only the parts that changed, reads none it is not asked for, and removes the old single file', () => {
    const dir = tempDir();
    const first = openLinkTextCache(dir);
    for (const digest of ['a1', 'a2', 'b1', 'c1']) first.set(digest, [`text of ${digest}`]);
    fs.writeFileSync(path.join(dir, 'sections-link-text.json'), JSON.stringify({ version: 1, entries: [] }));
    first.save(new Set(['a1', 'a2', 'b1', 'c1']));
    expect(fs.existsSync(path.join(dir, 'sections-link-text.json'))).toBe(false);
    const part = (p: string) => path.join(dir, 'sections-link-text', `${p}.json`);
    expect(['a', 'b', 'c'].every((p) => fs.existsSync(part(p)))).toBe(true);
    const stamp = () => Object.fromEntries(['a', 'b', 'c'].map((p) => [p, fs.statSync(part(p)).mtimeMs]));
    for (const p of ['a', 'b', 'c']) fs.utimesSync(part(p), new Date(0), new Date(0));

    // A load that asks for nothing and sets nothing writes nothing, and does not prune either.
    openLinkTextCache(dir).save(new Set());
    expect(stamp()).toEqual({ a: 0, b: 0, c: 0 });
    // One section rendered again from a new text: its part is written, without the gone text of that part.
    const next = openLinkTextCache(dir);
    next.set('a3', ['new text']);
    next.save(new Set(['a1', 'a3', 'b1', 'c1']));
    const after = stamp();
    expect(after.a).toBeGreaterThan(0);
    expect([after.b, after.c]).toEqual([0, 0]);
    const again = openLinkTextCache(dir);
    expect(again.get('a3')).toEqual(['new text']);
    expect(again.get('a2')).toBeUndefined();
    expect(again.get('b1')).toEqual(['text of b1']);
  });

  it('does not rewrite a part when nothing in it changed', () => {
    const dir = tempDir();
    const cache = openLinkTextCache(dir);
    cache.set('a', ['x']);
    cache.save(new Set(['a']));
    const file = path.join(dir, 'sections-link-text', 'a.json');
    fs.utimesSync(file, new Date(0), new Date(0));
    const read = openLinkTextCache(dir);
    expect(read.get('a')).toEqual(['x']);
    read.save(new Set(['a']));
    expect(fs.statSync(file).mtimeMs).toBe(0);
    // And it does rewrite it when something did change (so the check above can fail).
    const changed = openLinkTextCache(dir);
    changed.set('a', ['y']);
    changed.save(new Set(['a']));
    expect(fs.statSync(file).mtimeMs).toBeGreaterThan(0);
    expect(openLinkTextCache(dir).get('a')).toEqual(['y']);
  });
});
