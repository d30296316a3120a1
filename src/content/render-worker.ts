/**
 * A worker of the sections loader's render pool (render-pool.ts): renders batches of sections
 * with one entity matcher, built once per worker from the entities' terms. Plain data in and
 * out: a section's render, or its syntax error's message, line and column.
 */
import { createEntityMatcher, type EntityTerms } from '../markdown/entity-matcher.ts';
import { createSectionRenderer, type SectionSource } from '../markdown/render-section.ts';
import { renderOutcome, type RenderOutcome } from './render-outcome.ts';

let renderer: { termsKey: string; render: ReturnType<typeof createSectionRenderer> } | undefined;

export default function renderBatch({ terms, termsKey, sources }: { terms: EntityTerms[]; termsKey: string; sources: readonly SectionSource[] }): RenderOutcome[] {
  if (renderer?.termsKey !== termsKey) renderer = { termsKey, render: createSectionRenderer(createEntityMatcher(terms)) };
  const { render } = renderer;
  return sources.map((source): RenderOutcome => renderOutcome(render, source));
}
