import { buildLinkGraph, type GraphEntity, type GraphSection, type LinkGraph } from '../../src/lib/link-graph.ts';
import { sectionIdPath } from '../../src/lib/urls.ts';
import { createEntityMatcher } from '../../src/markdown/entity-matcher.ts';
import { termsOf } from '../../src/markdown/entity-terms.ts';
import { createSectionRenderer } from '../../src/markdown/render-section.ts';

/** A section given by its body, for graph tests that need no build. */
export interface BodySection extends Omit<GraphSection, 'analysis'> {
  /** Absolute path of the section file. */
  filePath: string;
  /** The MDX body, without frontmatter. */
  body: string;
}

/**
 * The link graph of sections given by their bodies: each body rendered as the sections loader
 * renders it (src/markdown/render-section.ts), with one matcher over `entities`, then the graph
 * built from the analyses, as src/lib/site-data.ts builds it from the stored ones.
 */
export function oracleGraph(sections: readonly BodySection[], entities: readonly GraphEntity[]): LinkGraph {
  const render = createSectionRenderer(createEntityMatcher(entities.map((e) => termsOf(e.id, e.data))));
  return buildLinkGraph(
    sections.map((s) => {
      const out = render({ filePath: s.filePath, page: sectionIdPath(s.id), body: s.body, bodyStartLine: 1, frontmatter: { repairs: s.data.repairs } });
      return { id: s.id, data: s.data, analysis: out.analysis, repairEntities: out.repairEntities };
    }),
    entities,
  );
}
