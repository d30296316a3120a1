/**
 * The loader's render pool gives each section the render one thread would, in the order given,
 * and a syntax error as its message, line and column, whichever thread met it.
 */
import { describe, expect, it } from 'vitest';
import { POOL_THRESHOLD, renderSections } from '../../src/content/render-pool.ts';
import { sectionIdPath } from '../../src/lib/urls.ts';
import { createEntityMatcher } from '../../src/markdown/entity-matcher.ts';
import { createSectionRenderer, SectionSyntaxError, type SectionSource } from '../../src/markdown/render-section.ts';

const terms = [{ id: 'russia', terms: ['Russia'] }, { id: 'nato', terms: ['NATO'] }];
const source = (i: number, body: string): SectionSource => ({ filePath: `/tmp/s${i}.mdx`, page: sectionIdPath(`history/s${i}`), body, bodyStartLine: 5, frontmatter: {} });

describe('the render pool', () => {
  it('renders as one thread would, in order, on more than one thread', async () => {
    const sources = Array.from({ length: POOL_THRESHOLD * 2 }, (_, i) => source(i, `Section ${i}: Russia and NATO — talks.\n\n## Part ${i}\n\nMore on NATO, ${i}.`));
    sources[70] = source(70, 'Fine line.\n\nThe talks <Broken attr={x} /> began.');
    const { outcomes, threads } = await renderSections(sources, terms, 'key');
    expect(threads).toBeGreaterThan(1);
    const here = createSectionRenderer(createEntityMatcher(terms));
    outcomes.forEach((outcome, i) => {
      if (i === 70) {
        let expected: SectionSyntaxError | undefined;
        try {
          here(sources[i] as SectionSource);
        } catch (error) {
          expected = error as SectionSyntaxError;
        }
        expect(outcome).toEqual({ ok: false, message: expected?.message, line: expected?.line, column: expected?.column });
        expect(outcome.ok === false && outcome.line).toBe(7);
        return;
      }
      expect(outcome).toEqual({ ok: true, render: here(sources[i] as SectionSource) });
    });
  }, 60_000);

  it('renders a few sections on the calling thread', async () => {
    const { outcomes, threads } = await renderSections([source(1, 'Russia.')], terms, 'key');
    expect(threads).toBe(1);
    expect(outcomes[0]?.ok).toBe(true);
  });
});
