import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/content/frontmatter.ts';
import { emitYaml, type YamlValue } from '../../src/ingest/yaml-emit.ts';

describe('emitYaml', () => {
  it('reads back as the same data for any strings, numbers and nesting (fast-check)', () => {
    const text = fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom('true', 'null', '2014-07-17', '1917', '- x', '# c', 'a: b', "'", '"', '\\', '\u0085', '\u2028', '\ufeff', '\ud800'));
    const value = fc.letrec<{ leaf: YamlValue; list: YamlValue; map: YamlValue; node: YamlValue }>((tie) => ({
      leaf: fc.oneof(text, fc.integer(), fc.boolean()),
      list: fc.array(tie('node'), { maxLength: 3 }),
      map: fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/), tie('node'), { maxKeys: 3 }),
      node: fc.oneof({ depthSize: 'small' }, tie('leaf'), tie('list'), tie('map')),
    }));
    fc.assert(fc.property(fc.dictionary(fc.stringMatching(/^[a-z][a-zA-Z]{0,8}$/), value.node, { maxKeys: 5 }), (data) => {
      const parsed = parseYaml(emitYaml(data));
      // A lone surrogate cannot be written raw; the emitter escapes it, and it reads back as itself.
      expect(parsed.ok && parsed.data).toEqual(data);
    }), { numRuns: 500 });
  });
});
