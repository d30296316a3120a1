import { buildLinkGraph, type GraphEntity, type GraphSection, type LinkGraph } from '../../src/lib/link-graph.ts';
import { sectionIdPath } from '../../src/lib/urls.ts';
import { createSectionAnalyser } from '../../src/markdown/analyse-section.ts';
import { createEntityMatcher } from '../../src/markdown/entity-matcher.ts';
import { termsOf } from '../../src/markdown/entity-terms.ts';

/** A section as the graph took it before the build recorded analyses: its body to parse. */
export interface BodySection extends Omit<GraphSection, 'analysis'> {
  /** Absolute path of the section file. */
  filePath: string;
  /** The MDX body, without frontmatter. */
  body: string;
}

/**
 * The link graph the way it was built before (commit ee9e7c0): every body parsed a second time
 * through the build's plugins by `createSectionAnalyser`, with one matcher over `entities`. Kept
 * as the oracle the recorded analyses are checked against.
 */
export function oracleGraph(sections: readonly BodySection[], entities: readonly GraphEntity[]): LinkGraph {
  const analyse = createSectionAnalyser(createEntityMatcher(entities.map((e) => termsOf(e.id, e.data))));
  return buildLinkGraph(
    sections.map((s) => ({
      id: s.id,
      data: s.data,
      analysis: analyse({ filePath: s.filePath, page: sectionIdPath(s.id), body: s.body, frontmatter: { repairs: s.data.repairs } }),
    })),
    entities,
  );
}
