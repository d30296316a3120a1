/**
 * Aligns a new source with the sources already in the content folder: which sentences they
 * share (corroboration) and, inside shared sentences, what one lost that the other still has
 * (fills) or where they hold different values (disagreements).
 *
 * The new source is indexed by word shingles; each sentence of an existing source looks up the
 * new sentences sharing shingles with it, and only those are compared word by word. The work
 * grows with the size of the texts, not with the product of their sentence counts.
 */
import { ComparedPassages } from './gap-evidence.ts';
import { compareWords, type Finding } from './hunks.ts';
import { ShingleIndex, shingles, shinglesOfWords } from './shingle-index.ts';
import { alignText, type AlignText, type Sentence } from './tokens.ts';
import { wordsOf } from './words.ts';

/** A line of one source that shares a sentence with a line of another. */
export interface SharedLines {
  a: { source: string; line: number };
  b: { source: string; line: number };
}

export interface Alignment {
  /** Fills and disagreements; side 'a' is an existing source's, side 'b' the new source's. */
  findings: Finding[];
  shared: SharedLines[];
  /** Sentence pairs compared word by word. */
  compared: number;
}

/** Share of a sentence's shingles a passage must hold to be compared with it. */
const MIN_SHARED_SHINGLES = 0.3;
/** Passages compared per sentence, the best-sharing first: copies of copies are few. */
const MAX_SPANS = 3;
/** A sentence pair corroborates when this many words match, and at least this share of the shorter. */
const SHARED_MIN_WORDS = 5;
const SHARED_MIN_SHARE = 0.5;

/** A source as read: its id and text. */
export interface RawText {
  id: string;
  text: string;
}

const NOT_WORD = /[^\p{L}\p{N}]+/u;

export function alignSources(fresh: AlignText, existing: readonly RawText[]): Alignment {
  const index = new ShingleIndex();
  for (const s of fresh.sentences) index.add(s);
  const findings: Finding[] = [];
  const shared = new Map<string, SharedLines>();
  let compared = 0;
  const passages = new ComparedPassages();
  const seen: AlignText[] = [];
  for (const raw of existing) {
    if (raw.id === fresh.id) continue;
    // Only lines sharing shingles with the new source are split into words and compared: most
    // of a large folder shares nothing with one new page, and is only hashed.
    const text = alignText(raw.id, raw.text, (line) => index.known(shinglesOfWords(line.toLowerCase().split(NOT_WORD))) >= 2);
    seen.push(text);
    text.sentences.forEach((sentence, i) => {
      // The sentence with its neighbours on the same line: a lost number often takes a full stop with it.
      const around = [text.sentences[i - 1], sentence, text.sentences[i + 1]].filter((s): s is Sentence => s !== undefined && s.line === sentence.line);
      // Alone and with its neighbours: a diff may pair a repeated word ("in") with the wrong one
      // in a longer passage, so both are compared and what either finds is kept.
      const a = wordsOf(around);
      const alone = around.length > 1 ? wordsOf([sentence]) : undefined;
      for (const span of spansOf(index, sentence)) {
        compared++;
        const b = wordsOf(span);
        const { findings: found, equal } = compareWords(a, b);
        if (alone) found.push(...compareWords(alone, b).findings);
        findings.push(...found);
        passages.add(sentence, b);
        for (const s of span) passages.add(s, a);
        if (equal >= SHARED_MIN_WORDS && equal >= SHARED_MIN_SHARE * Math.min(a.length, b.length)) {
          for (const line of new Set(span.map((s) => s.line))) {
            const pair = { a: { source: sentence.source, line: sentence.line }, b: { source: fresh.id, line } };
            shared.set(`${pair.a.source}:${pair.a.line}>${line}`, pair);
          }
        }
      }
    });
  }
  // A sentence the other side holds word for word lost nothing there, whatever a near copy says.
  const verbatim = { fresh: new Set(fresh.sentences.map(wordKey)), existing: new Set(seen.flatMap((t) => t.sentences.map(wordKey))) };
  // Two sentences each held word for word by the other side do not disagree: both sources say
  // both, and the diff only paired one with the other (repeated words in a passage).
  // A gap that another compared passage holds closed is a chance pairing, not a loss.
  const kept = findings.filter((f) => (f.kind === 'fill'
    ? !(f.lost === 'a' ? verbatim.fresh : verbatim.existing).has(wordKey(f.sentence)) && !passages.contradicts(f)
    : !(verbatim.fresh.has(wordKey(f.a.word.sentence)) && verbatim.existing.has(wordKey(f.b.word.sentence)))));
  return { findings: dedupe(withoutRivalFills(kept)), shared: [...shared.values()], compared };
}

/** Passages of the index (runs of hit sentences on one line, cut to the best one and its neighbours) worth comparing with `sentence`. */
function spansOf(index: ShingleIndex, sentence: Sentence): Sentence[][] {
  const hits = index.query(sentence.tokens, 1);
  // A passage shares a good part of the shorter side's shingles, not two common phrases by chance.
  const own = shingles(sentence.tokens).length;
  const found: { total: number; span: Sentence[] }[] = [];
  let run: { at: number; shared: number }[] = [];
  const close = () => {
    const total = run.reduce((n, h) => n + h.shared, 0);
    const theirs = run.reduce((n, h) => n + (index.sizes[h.at] ?? 0), 0);
    if (total >= Math.max(2, Math.ceil(MIN_SHARED_SHINGLES * Math.min(own, theirs)))) {
      const best = run.reduce((m, h) => (h.shared > m.shared ? h : m));
      // The best-sharing sentence and its neighbours on the same line, as for the query sentence.
      let from = best.at;
      let to = best.at;
      if (sameLine(index.sentences[from - 1], index.sentences[from])) from--;
      if (sameLine(index.sentences[to + 1], index.sentences[to])) to++;
      found.push({ total, span: index.sentences.slice(from, to + 1) });
    }
    run = [];
  };
  for (const hit of hits) {
    const last = run.at(-1);
    if (last && (hit.at !== last.at + 1 || !sameLine(index.sentences[hit.at], index.sentences[last.at]))) close();
    run.push(hit);
  }
  if (run.length) close();
  return found.sort((x, y) => y.total - x.total).slice(0, MAX_SPANS).map((f) => f.span);
}

/**
 * Fills offering different values for one gap ("U.S. rose" from "U.S. 1879 rose" and from
 * "U.S. 19,000 rose"): which one the text lost is a guess, so none is made.
 */
function withoutRivalFills(findings: readonly Finding[]): Finding[] {
  const values = new Map<string, Set<string>>();
  const spot = (f: Finding & { kind: 'fill' }) => `${f.at.source}:${f.at.line}:${f.at.offset}`;
  for (const f of findings) if (f.kind === 'fill') values.set(spot(f), (values.get(spot(f)) ?? new Set()).add(f.insert.replace(/[^\p{L}\p{N}]/gu, '')));
  return findings.filter((f) => f.kind !== 'fill' || (values.get(spot(f))?.size ?? 0) <= 1);
}

const wordKey = (s: Sentence): string => s.tokens.map((t) => t.norm).join(' ');

const sameLine = (x: Sentence | undefined, y: Sentence | undefined): boolean => x !== undefined && y !== undefined && x.source === y.source && x.line === y.line;

const spotKey = (f: Finding): string =>
  f.kind === 'fill' ? `fill:${f.at.source}:${f.at.line}:${f.at.offset}:${f.insert}` : `dis:${f.a.source}:${f.a.line}:${f.a.offset}:${f.b.source}:${f.b.line}:${f.b.offset}`;

function dedupe(findings: readonly Finding[]): Finding[] {
  const seen = new Map<string, Finding>();
  for (const f of findings) if (!seen.has(spotKey(f))) seen.set(spotKey(f), f);
  return [...seen.values()];
}
