import type { SectionAnalysis } from './analyse-section.ts';

/**
 * A section's analysis as the content store keeps it (in `rendered.metadata.analysis`): plain
 * data only, so it survives the store's serialisation between builds.
 */
export interface StoredAnalysis {
  paragraphs: SectionAnalysis['paragraphs'];
  mentions: SectionAnalysis['mentions'];
  /** [repair index, paragraph id] pairs. */
  repairParagraphs: [number, string][];
  links: string[];
  /** Entities named in the section's repairs (see render-section.ts). */
  repairEntities: string[];
  /** The texts the entity linker searched (see render-section.ts). */
  linkSegments: string[];
}

export const toStoredAnalysis = (analysis: SectionAnalysis, repairEntities: string[], linkSegments: string[]): StoredAnalysis => ({
  paragraphs: analysis.paragraphs,
  mentions: analysis.mentions,
  repairParagraphs: [...analysis.repairParagraphs],
  links: analysis.links,
  repairEntities,
  linkSegments,
});

export const fromStoredAnalysis = (stored: StoredAnalysis): SectionAnalysis => ({
  paragraphs: stored.paragraphs,
  mentions: stored.mentions,
  repairParagraphs: new Map(stored.repairParagraphs),
  links: stored.links,
});
