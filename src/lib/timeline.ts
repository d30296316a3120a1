/**
 * Every dated fact of the site, in order: section `dates`, entity `dates`, and repairs with a
 * `date`. A repair restating a section date (same section, same date) merges into that fact and
 * lends it the paragraph to link to; other dated repairs become facts of their own, labelled by
 * the sentence they repair, with the restored words marked. Computed once per build.
 */
import type { DatedFact } from '../schemas/base.ts';
import type { SectionData } from '../schemas/section.ts';
import type { EntityData } from '../schemas/entity.ts';
import type { Repair } from '../schemas/repair.ts';
import type { ParagraphRecord } from '../markdown/analyse-section.ts';
import { dateSortKey } from './dates.ts';
import { sentenceAround } from './sentences.ts';
import { collapseWhitespace } from './text.ts';
import { entityPath, sectionIdPath, type PagePath } from './urls.ts';

/** A piece of a fact's label; `restored` pieces are not in the scraped text. */
export interface LabelPart {
  text: string;
  restored: boolean;
}

export interface TimelineFact {
  date: string;
  label: LabelPart[];
  /** True when the date is not in the scraped text but restored by the editors. */
  restored: boolean;
  /** Where the fact is stated: a section paragraph, a section, or an entity page. */
  where: { title: string; path: PagePath; fragment: string | null; kind: 'section' | 'entity' };
}

export interface TimelineDay {
  date: string;
  facts: TimelineFact[];
}

export interface TimelineSection {
  id: string;
  title: string;
  dates: readonly DatedFact[];
  repairs: readonly Repair[];
  paragraphs: readonly ParagraphRecord[];
  /** Repair index -> paragraph holding its mark. */
  repairParagraphs: ReadonlyMap<number, string>;
}

export interface TimelineEntity {
  id: string;
  data: Pick<EntityData, 'name' | 'dates'>;
}

const plain = (text: string): LabelPart[] => [{ text, restored: false }];

/** The facts grouped by date, earliest first; a partial date sorts before the days within it. */
export function buildTimeline(sections: readonly TimelineSection[], entities: readonly TimelineEntity[]): TimelineDay[] {
  const facts: TimelineFact[] = [];
  for (const s of sections) {
    const merged = new Set<number>();
    for (const d of s.dates) {
      const repairIndex = s.repairs.findIndex((r) => r.date === d.date);
      const fragment = repairIndex === -1 ? paragraphStating(s.paragraphs, d.label) : (s.repairParagraphs.get(repairIndex) ?? null);
      s.repairs.forEach((r, i) => { if (r.date === d.date) merged.add(i); });
      facts.push({ date: d.date, label: plain(d.label), restored: d.restored || repairIndex !== -1, where: { title: s.title, path: sectionIdPath(s.id), fragment, kind: 'section' } });
    }
    s.repairs.forEach((r, i) => {
      if (r.date === undefined || merged.has(i)) return;
      const paragraphId = s.repairParagraphs.get(i) ?? null;
      const paragraph = s.paragraphs.find((p) => p.id === paragraphId);
      facts.push({ date: r.date, label: repairLabel(r, paragraph?.text), restored: true, where: { title: s.title, path: sectionIdPath(s.id), fragment: paragraphId, kind: 'section' } });
    });
  }
  for (const e of entities) {
    for (const d of e.data.dates) facts.push({ date: d.date, label: plain(withSubject(e.data.name, d.label)), restored: false, where: { title: e.data.name, path: entityPath(e.id), fragment: null, kind: 'entity' } });
  }
  facts.sort((a, b) => dateSortKey(a.date).localeCompare(dateSortKey(b.date)));
  const days: TimelineDay[] = [];
  for (const fact of facts) {
    const last = days.at(-1);
    if (last?.date === fact.date) last.facts.push(fact);
    else days.push({ date: fact.date, facts: [fact] });
  }
  return days;
}

/**
 * The paragraph whose text holds a date's label word for word (ingest labels a date with its
 * clause, verbatim), so the timeline links the paragraph; null when the label is our own words.
 */
function paragraphStating(paragraphs: readonly ParagraphRecord[], label: string): string | null {
  const wanted = collapseWhitespace(label);
  if (wanted === '') return null;
  return paragraphs.find((p) => collapseWhitespace(p.text).includes(wanted))?.id ?? null;
}

/** The sentence a repair sits in, with the restored words (if any) marked; else the repair's note. */
function repairLabel(repair: Repair, paragraphText: string | undefined): LabelPart[] {
  const at = paragraphText?.indexOf(repair.after) ?? -1;
  if (paragraphText === undefined || at === -1) return plain(repair.note);
  const cut = at + repair.after.length;
  const sentence = sentenceAround(paragraphText, at, cut);
  const start = paragraphText.indexOf(sentence);
  if (start === -1 || repair.insert === undefined) return plain(sentence);
  const inSentence = cut - start;
  return [
    { text: sentence.slice(0, inSentence), restored: false },
    { text: repair.insert, restored: true },
    { text: sentence.slice(inSentence), restored: false },
  ].filter((p) => p.text !== '');
}

/** An entity's date label names the entity when it does not already ("Becomes President" -> "Woodrow Wilson: Becomes President"). */
function withSubject(name: string, label: string): string {
  if (label.toLowerCase().includes(name.toLowerCase())) return label;
  return `${name}: ${label}`;
}

/**
 * A section's dated facts: its `dates`, plus the dates in its topic's own fields (when a
 * cooperation was launched or suspended) that `dates` does not already state.
 */
export function sectionDatedFacts(data: SectionData): DatedFact[] {
  const facts = [...data.dates];
  const stated = new Set(facts.map((d) => d.date));
  const add = (date: string | undefined, label: string) => {
    if (date === undefined || stated.has(date)) return;
    facts.push({ date, label, restored: false });
    stated.add(date);
  };
  if (data.topic === 'cooperation') {
    add(data.launched, `Launched: ${data.title}`);
    add(data.suspended, `Suspended: ${data.title}`);
  }
  return facts;
}
