import { SectionSyntaxError, type SectionRender, type SectionSource } from '../markdown/render-section.ts';

/** A section's render, or its syntax error as plain data (it crosses threads: render-pool.ts). */
export type RenderOutcome =
  | { ok: true; render: SectionRender }
  | { ok: false; message: string; line: number | undefined; column: number | undefined };

/** Renders `source` with `render`; a syntax error becomes an outcome, any other error is thrown. */
export function renderOutcome(render: (source: SectionSource) => SectionRender, source: SectionSource): RenderOutcome {
  try {
    return { ok: true, render: render(source) };
  } catch (error) {
    if (error instanceof SectionSyntaxError) return { ok: false, message: error.message, line: error.line, column: error.column };
    throw error;
  }
}
