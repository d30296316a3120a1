import { compile } from '@mdx-js/mdx';
import fc from 'fast-check';
import remarkGfm from 'remark-gfm';
import { describe, expect, it } from 'vitest';
import { parseFrontmatter, parseYaml } from '../../src/content/frontmatter.ts';
import { bodyReadingText } from '../../src/content/load.ts';
import { planIngest } from '../../src/ingest/index.ts';
import remarkAnchors from '../../src/markdown/anchors.ts';
import { sectionSchema } from '../../src/schemas/section.ts';
import { sourceSchema } from '../../src/schemas/source.ts';

/** Lines a scraped page might hold: prose, furniture, and syntax that must stay text. */
const LINES = [
  '', 'Home', 'World | Politics', 'the query', '  • A related story - BBC News', 'By Jane Q. Public', 'Photo: AP',
  'The Allies call on Russia to comply with the INF Treaty.', 'The NRC suspended practical cooperation in April 2014.',
  'Diplomatic relations were resumed in 1933.', 'The United States policy seeks to deter Russia.', 'Key areas of cooperation',
  'import x from "y"', 'export const a = 1', '{alert(1)}', '<div>', '---', '# h', '> q', '1. item', '* b', '`c`', '<!-- c -->',
  'a\\b', 'www.x.org a@b.co https://x.org', 'on 17 Julycalling in Until the 9M, which', 'Over 3, officers with U. The end',
];

const page = fc
  .tuple(
    fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...LINES) }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) }), { minLength: 1, maxLength: 25 }),
    fc.constantFrom('\n', '\r\n'),
  )
  .map(([lines, eol]) => lines.join(eol))
  .filter((text) => text.trim() !== '' && !/[\0-\x08\x0b\x0e-\x1f\x7f]/.test(text));

describe('planIngest on arbitrary pages (fast-check)', () => {
  it('always plans a valid manifest and drafts that compile, with unique anchors and repairs that find their text', async () => {
    await fc.assert(fc.asyncProperty(page, async (text) => {
      const plan = planIngest(text, { id: 'prop' });
      for (const file of plan.files) {
        if (file.path.endsWith('.txt')) {
          expect(file.content).toBe(text);
        } else if (file.path.startsWith('sources/')) {
          const parsed = parseYaml(file.content);
          expect(parsed.ok && sourceSchema.safeParse(parsed.data).success).toBe(true);
        } else if (file.path.endsWith('.mdx')) {
          const parsed = parseFrontmatter(file.content);
          if (!parsed.ok) throw new Error(parsed.message);
          const result = sectionSchema.safeParse(parsed.data);
          expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
          await compile(parsed.body, { remarkPlugins: [remarkGfm, remarkAnchors] });
          const reading = bodyReadingText(parsed.body);
          for (const r of result.data?.repairs ?? []) expect(reading.split(r.after).length - 1).toBe(1);
        }
      }
    }), { numRuns: 150 });
  });
});
