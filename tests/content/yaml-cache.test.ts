import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirs } from '../helpers/temp-dirs.ts';
import { parseYaml } from '../../src/content/frontmatter.ts';
import { validateContent } from '../../src/content/validate.ts';
import { openYamlCache } from '../../src/content/yaml-cache.ts';

const tempDir = tempDirs('yaml-cache');

const SEED = path.resolve(import.meta.dirname, '..', '..', 'content');

describe('parsed YAML cache', () => {
  it('gives a later build the same data without parsing, keeping values JSON would lose', () => {
    const dir = tempDir();
    const text = 'title: A\nn: .inf\nm: .nan\nz: -0\nlist: [1, "two", null]\n';
    const first = openYamlCache(dir);
    expect(first.parse(text)).toEqual(parseYaml(text));
    first.save();
    const second = openYamlCache(dir);
    const cached = second.parse(text);
    expect(cached).toEqual(parseYaml(text));
    expect(cached.ok && (cached.data as { n: number }).n).toBe(Infinity);
    expect(Object.is(cached.ok && (cached.data as { z: number }).z, -0)).toBe(true);
  });

  it('parses an edited text again, and never keeps a broken one', () => {
    const dir = tempDir();
    const cache = openYamlCache(dir);
    cache.parse('title: A\n');
    cache.save();
    const again = openYamlCache(dir);
    expect(again.parse('title: B\n')).toEqual({ ok: true, data: { title: 'B' } });
    const broken = again.parse('title: [unclosed\n', 3);
    expect(broken.ok).toBe(false);
    expect(broken).toEqual(parseYaml('title: [unclosed\n', 3));
    again.save();
    expect(openYamlCache(dir).parse('title: [unclosed\n', 3)).toEqual(broken);
  });

  it('keys a text by its line offset too, so error lines stay right', () => {
    const dir = tempDir();
    const cache = openYamlCache(dir);
    cache.parse('a: 1\n', 0);
    expect(cache.parse('a: 1\n', 5)).toEqual(parseYaml('a: 1\n', 5));
  });

  it('treats a corrupt or foreign cache file as empty', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'parsed-yaml.v8'), 'not a v8 value');
    expect(openYamlCache(dir).parse('a: 1\n')).toEqual({ ok: true, data: { a: 1 } });
  });

  it('leaves the content check exactly as without it, on the seed content, cold and warm', () => {
    const dir = tempDir();
    const plain = validateContent(SEED);
    const cold = openYamlCache(dir);
    expect(validateContent(SEED, cold.parse)).toEqual(plain);
    cold.save();
    expect(validateContent(SEED, openYamlCache(dir).parse)).toEqual(plain);
  });
});
