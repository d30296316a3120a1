import type { MentionRecord, SectionAnalysis } from './analyse-section.ts';

/**
 * A mention as stored: the sentence around it is almost always a stretch of its paragraph's text,
 * so it is kept as [start, end] offsets into that text instead of a second copy (the store is
 * bundled into the build and loaded by every page render: its size is build time). A sentence not
 * found in its paragraph stays a string.
 */
export interface StoredMention {
  entityId: string;
  paragraphId: string;
  words: string;
  sentence: string | [number, number];
}

/**
 * A section's analysis as its loader keeps it (in the render's facts file,
 * src/content/section-renders.ts): plain data only, so it survives JSON between builds.
 */
export interface StoredAnalysis {
  paragraphs: SectionAnalysis['paragraphs'];
  mentions: StoredMention[];
  /** [repair index, paragraph id] pairs. */
  repairParagraphs: [number, string][];
  links: string[];
  /** Entities named in the section's repairs (see render-section.ts). */
  repairEntities: string[];
}

export function toStoredAnalysis(analysis: SectionAnalysis, repairEntities: string[]): StoredAnalysis {
  const texts = new Map(analysis.paragraphs.map((p) => [p.id, p.text]));
  const mentions = analysis.mentions.map((m): StoredMention => {
    const start = texts.get(m.paragraphId)?.indexOf(m.sentence) ?? -1;
    return { ...m, sentence: start === -1 ? m.sentence : [start, start + m.sentence.length] };
  });
  return { paragraphs: analysis.paragraphs, mentions, repairParagraphs: [...analysis.repairParagraphs], links: analysis.links, repairEntities };
}

export function fromStoredAnalysis(stored: StoredAnalysis): SectionAnalysis {
  const texts = new Map(stored.paragraphs.map((p) => [p.id, p.text]));
  const mentions = stored.mentions.map((m): MentionRecord => {
    if (typeof m.sentence === 'string') return { ...m, sentence: m.sentence };
    return { ...m, sentence: (texts.get(m.paragraphId) ?? '').slice(m.sentence[0], m.sentence[1]) };
  });
  return { paragraphs: stored.paragraphs, mentions, repairParagraphs: new Map(stored.repairParagraphs), links: stored.links };
}
