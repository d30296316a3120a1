/**
 * Scraped-style benchmark text: what an SEO compilation page looks like after a scraper has been
 * through it (see content/sources/*.txt). A repeated search-query line, pasted page titles,
 * bullet lists of links, and paragraphs of prose on our four topics, about 600 words a section,
 * whose numbers are lost the way the seed's scraper lost them (bench/scraper-loss.ts), so the
 * ingest finds candidate repairs in most sections, as it does in the seed. Titles keep their
 * number (it keeps slugs unique at any size).
 *
 * Deterministic: section i has the same text for a given seed whatever the total count, so the
 * pages of a 100-section run are the first 100 pages of a 1,000-section run (the linear-cost check
 * compares them).
 */
import { TOPIC_IDS, type TopicId } from '../src/schemas/topic.ts';
import { createRandom, itemSeed, type Random } from './random.ts';
import { CLAUSES, LINK_NAMES, LINK_WORDS, PUBLISHERS, VOCABULARY } from './vocabulary.ts';
import { countLostNumbers, loseNumbers } from './scraper-loss.ts';

/** Why a generated line is noise rather than prose (the values of the source manifest's `dropped`). */
export type NoiseKind = 'query-repeat' | 'page-title' | 'link-bullet';

/** One line of the generated text, as the generator meant it. */
export type GeneratedLine =
  | { kind: 'blank' }
  | { kind: NoiseKind; text: string }
  | { kind: 'title'; text: string; section: number }
  | { kind: 'paragraph'; text: string; section: number };

/** What the generator put in one section: the truth to compare the ingest's output with. */
export interface GeneratedSection {
  index: number;
  topic: TopicId;
  title: string;
  /** 1-based line numbers of the section's paragraphs in the whole text. */
  lines: number[];
  paragraphs: string[];
  /** Numbers the scraper took out of this section's paragraphs (bench/scraper-loss.ts). */
  lostNumbers: number;
}

export interface GeneratedText {
  text: string;
  lines: GeneratedLine[];
  sections: GeneratedSection[];
}

/** The search query an SEO page repeats between paragraphs. */
export const QUERY = 'current relationship between russia united states';

/** Text for `count` sections, seeded by `seed`. */
export function generateScrapedText(count: number, seed = 1): GeneratedText {
  const lines: GeneratedLine[] = [
    { kind: 'page-title', text: 'Current relationship between russia united states' },
    { kind: 'blank' },
    { kind: 'link-bullet', text: 'Russia–United States relations - Wikipedia' },
    { kind: 'blank' },
    { kind: 'query-repeat', text: QUERY },
    { kind: 'blank' },
  ];
  const sections: GeneratedSection[] = [];
  for (let index = 0; index < count; index++) {
    const r = createRandom(itemSeed(seed, index));
    const topic = TOPIC_IDS[index % TOPIC_IDS.length] as TopicId;
    const title = sectionTitle(r, topic, index);
    const section: GeneratedSection = { index, topic, title, lines: [], paragraphs: [], lostNumbers: 0 };
    lines.push({ kind: 'title', text: title, section: index }, { kind: 'blank' });
    let words = 0;
    while (words < 600) {
      const written = paragraphText(r, topic);
      // The scraper lost numbers across sentence boundaries ("in 1998. Until" -> "in Until").
      const paragraph = loseNumbers(written);
      section.lostNumbers += countLostNumbers(written);
      words += paragraph.split(' ').length;
      section.paragraphs.push(paragraph);
      lines.push({ kind: 'paragraph', text: paragraph, section: index });
      section.lines.push(lines.length);
      lines.push({ kind: 'blank' });
      if (r.chance(0.15)) lines.push({ kind: 'query-repeat', text: QUERY }, { kind: 'blank' });
    }
    if (r.chance(0.3)) {
      for (let i = r.int(2, 3); i > 0; i--) lines.push({ kind: 'link-bullet', text: `  • ${linkTitle(r)}` });
      lines.push({ kind: 'blank' });
    }
    if (r.chance(0.2)) lines.push({ kind: 'page-title', text: `${linkTitle(r)} - ${r.pick(PUBLISHERS)}` }, { kind: 'blank' });
    sections.push(section);
  }
  lines.push({ kind: 'query-repeat', text: QUERY });
  const text = `${lines.map((l) => (l.kind === 'blank' ? '' : l.text)).join('\n')}\n`;
  return { text, lines, sections };
}

/** About `bytes` of generated text (whole sections, so at least one), for ingest throughput. */
export function generateTextOfSize(bytes: number, seed = 1): GeneratedText {
  const perSection = Buffer.byteLength(generateScrapedText(4, seed).text) / 4;
  return generateScrapedText(Math.max(1, Math.round(bytes / perSection)), seed);
}

function sectionTitle(r: Random, topic: TopicId, index: number): string {
  const { titleWords, names } = VOCABULARY[topic];
  const a = r.pick(titleWords);
  let b = r.pick(titleWords);
  while (b === a) b = r.pick(titleWords);
  const name = r.pick(names).replace(/^the /, '');
  // The number keeps titles (and so slugs) unique at any size, as real pages' titles are.
  return `${a} and ${b.toLowerCase()}: ${name}, ${index + 1}`;
}

function linkTitle(r: Random): string {
  return `${r.pick(LINK_WORDS)} and ${r.pick(LINK_NAMES).replace(/^the /, '')}: where next?`;
}

function paragraphText(r: Random, topic: TopicId): string {
  const sentences: string[] = [];
  for (let i = r.int(4, 7); i > 0; i--) sentences.push(sentence(r, topic));
  return sentences.join(' ');
}

/**
 * Share of sentences that carry a number in one of the seed's shapes (a year after a day and a
 * month, a year ending a sentence, a count, a designation...). The seed lost ~25 numbers in ~30
 * paragraphs; at this rate a ~600-word section loses ~4, and the ingest flags most of them.
 */
const NUMBER_RATE = 0.1;
const MONTHS = ['April', 'June', 'July', 'December'] as const;

function sentence(r: Random, topic: TopicId): string {
  const v = VOCABULARY[topic];
  const [subject, verb, name, complement] = [r.pick(v.subjects), r.pick(v.verbs), r.pick(v.names), r.pick(v.complements)];
  const clause = r.chance(0.4) ? `, ${r.pick(CLAUSES)},` : '';
  const month = r.pick(MONTHS);
  if (r.chance(NUMBER_RATE)) {
    const year = r.int(1917, 2019);
    const day = r.int(1, 28);
    switch (r.int(0, 6)) {
      case 0: return `${subject}, on ${day} ${month} ${year}, ${verb} ${name} ${complement}.`;
      case 1: return `${subject}${clause} ${verb} ${name} ${complement} in ${month} ${year}.`;
      case 2: return `${subject}${clause} ${verb} ${name} ${complement} in ${year}.`;
      case 3: return `An accord naming ${name}, signed on ${day} ${month} and in force from ${year}, was reviewed ${complement}.`;
      case 4: return `${subject} ${verb} ${name}, with over ${r.int(2, 9)},${r.int(100, 999)} officers taking part.`;
      case 5: return `${subject} ${verb} ${name} over the ${r.int(2, 9)}M${r.int(100, 999)} system, ${complement}.`;
      default: return `On ${month} ${day}, ${year}, ${subject.replace(/^The /, 'the ')} ${verb} ${name} ${complement}.`;
    }
  }
  // Like the seed source, a month may stand with no year and no loss ("in April").
  const when = r.chance(0.15) ? ` in ${month}` : '';
  return `${subject}${clause} ${verb} ${name} ${complement}${when}.`;
}
