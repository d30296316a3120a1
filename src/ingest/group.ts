import type { TopicId } from '../schemas/topic.ts';
import { classify, type Classification } from './classify.ts';
import { blockText, type Block } from './segment.ts';
import { MAX_PARAGRAPHS_PER_SECTION } from './rules.ts';

/** A paragraph with the headings that stand right before it, and its topic. */
export interface Unit {
  headings: Block[];
  paragraph: Block | undefined;
  /** Headings that end the text with no paragraph after them. */
  trailing: Block[];
  classification: Classification;
}

/** Consecutive units of one topic: the body of one draft section. */
export interface SectionDraft {
  topic: TopicId;
  units: Unit[];
}

/**
 * Attaches headings to the paragraph after them, classifies each paragraph (headings count
 * toward it), and groups consecutive paragraphs of one topic into sections of at most
 * {@link MAX_PARAGRAPHS_PER_SECTION} paragraphs.
 */
export function groupSections(blocks: readonly Block[]): SectionDraft[] {
  const units: Unit[] = [];
  let headings: Block[] = [];
  let previous: TopicId | undefined;
  for (const block of blocks) {
    if (block.kind === 'heading') {
      headings.push(block);
      continue;
    }
    const text = [...headings, block].map(blockText).join('\n');
    const classification = classify(text, previous);
    previous = classification.topic;
    units.push({ headings, paragraph: block, trailing: [], classification });
    headings = [];
  }
  if (headings.length > 0) {
    // Headings with no paragraph after them end the text: keep them with the last paragraph.
    const last = units.at(-1);
    if (last) last.trailing.push(...headings);
    else units.push({ headings, paragraph: undefined, trailing: [], classification: classify(headings.map(blockText).join('\n'), undefined) });
  }
  const sections: SectionDraft[] = [];
  for (const unit of units) {
    const current = sections.at(-1);
    if (current && current.topic === unit.classification.topic && current.units.length < MAX_PARAGRAPHS_PER_SECTION) current.units.push(unit);
    else sections.push({ topic: unit.classification.topic, units: [unit] });
  }
  return sections;
}

/** Every block of a section in text order. */
export function sectionBlocks(section: SectionDraft): Block[] {
  return section.units.flatMap((u) => [...u.headings, ...(u.paragraph ? [u.paragraph] : []), ...u.trailing]);
}
