/**
 * A worker of the sections loader's render pool (render-pool.ts): renders batches of sections
 * with one entity matcher, built once per worker from the entities' terms. Plain data in and
 * out: a section's render, or its syntax error's message, line and column.
 */
import { createEntityMatcher, type EntityTerms } from '../markdown/entity-matcher.ts';
import { createSectionRenderer, SectionSyntaxError, type SectionSource } from '../markdown/render-section.ts';
import type { RenderOutcome } from './render-pool.ts';

let renderer: { termsKey: string; render: ReturnType<typeof createSectionRenderer> } | undefined;

export default function renderBatch({ terms, termsKey, sources }: { terms: EntityTerms[]; termsKey: string; sources: SectionSource[] }): RenderOutcome[] {
  if (renderer?.termsKey !== termsKey) renderer = { termsKey, render: createSectionRenderer(createEntityMatcher(terms)) };
  const { render } = renderer;
  return sources.map((source): RenderOutcome => {
    try {
      return { ok: true, render: render(source) };
    } catch (error) {
      if (error instanceof SectionSyntaxError) return { ok: false, message: error.message, line: error.line, column: error.column };
      throw error;
    }
  });
}
