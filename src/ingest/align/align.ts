/**
 * Aligns a new source with the sources already in the content folder: which sentences they
 * share (corroboration) and, inside shared sentences, what one lost that the other still has
 * (fills) or where they hold different values (disagreements).
 *
 * The new source is indexed by word shingles; each sentence of an existing source looks up the
 * new sentences sharing shingles with it, and only those are compared word by word. The work
 * grows with the size of the texts, not with the product of their sentence counts.
 */
import { compareWords, type Finding } from './hunks.ts';
import { ShingleIndex } from './shingle-index.ts';
import type { AlignText, Sentence } from './tokens.ts';
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

/** A new passage longer than this many sentences is cut to the ones around the best hit. */
const MAX_SPAN = 6;
/** A sentence pair corroborates when this many words match, and at least this share of the shorter. */
const SHARED_MIN_WORDS = 5;
const SHARED_MIN_SHARE = 0.5;

export function alignSources(fresh: AlignText, existing: readonly AlignText[]): Alignment {
  const index = new ShingleIndex();
  for (const s of fresh.sentences) index.add(s);
  const findings: Finding[] = [];
  const shared = new Map<string, SharedLines>();
  let compared = 0;
  for (const text of existing) {
    if (text.id === fresh.id) continue;
    text.sentences.forEach((sentence, i) => {
      // The sentence with its neighbours on the same line: a lost number often takes a full stop with it.
      const around = [text.sentences[i - 1], sentence, text.sentences[i + 1]].filter((s): s is Sentence => s !== undefined && s.line === sentence.line);
      // Alone and with its neighbours: a diff may pair a repeated word ("in") with the wrong one
      // in a longer passage, so both are compared and what either finds is kept.
      const a = wordsOf(around);
      const alone = around.length > 1 ? wordsOf([sentence]) : undefined;
      const results: { found: ReturnType<typeof compareWords>['findings'] }[] = [];
      for (const span of spansOf(index, sentence)) {
        compared++;
        const b = wordsOf(span);
        const { findings: found, equal } = compareWords(a, b);
        if (alone) found.push(...compareWords(alone, b).findings);
        results.push({ found });
        if (equal >= SHARED_MIN_WORDS && equal >= SHARED_MIN_SHARE * Math.min(a.length, b.length)) {
          for (const line of new Set(span.map((s) => s.line))) {
            const pair = { a: { source: sentence.source, line: sentence.line }, b: { source: fresh.id, line } };
            shared.set(`${pair.a.source}:${pair.a.line}>${line}`, pair);
          }
        }
      }
      for (const c of results) findings.push(...c.found);
    });
  }
  // A sentence the other side holds word for word lost nothing there, whatever a near copy says.
  const verbatim = { fresh: new Set(fresh.sentences.map(wordKey)), existing: new Set(existing.flatMap((t) => t.sentences.map(wordKey))) };
  const kept = findings.filter((f) => f.kind !== 'fill' || !(f.lost === 'a' ? verbatim.fresh : verbatim.existing).has(wordKey(f.sentence)));
  return { findings: dedupe(kept), shared: [...shared.values()], compared };
}

/** Runs of consecutive indexed sentences sharing shingles with `sentence`, at least two in all. */
function spansOf(index: ShingleIndex, sentence: Sentence): Sentence[][] {
  const hits = index.query(sentence.tokens, 1);
  const spans: Sentence[][] = [];
  let run: { at: number; shared: number }[] = [];
  const close = () => {
    const total = run.reduce((n, h) => n + h.shared, 0);
    if (total >= 2) {
      const best = run.reduce((m, h) => (h.shared > m.shared ? h : m));
      let from = Math.max(run[0]?.at ?? 0, best.at - Math.floor(MAX_SPAN / 2));
      let to = Math.min(run.at(-1)?.at ?? 0, from + MAX_SPAN - 1);
      // One more sentence on each side when on the same line, as for the query sentence.
      if (sameLine(index.sentences[from - 1], index.sentences[from])) from--;
      if (sameLine(index.sentences[to + 1], index.sentences[to])) to++;
      spans.push(index.sentences.slice(from, to + 1));
    }
    run = [];
  };
  for (const hit of hits) {
    const last = run.at(-1);
    if (last && (hit.at !== last.at + 1 || index.sentences[hit.at]?.source !== index.sentences[last.at]?.source)) close();
    run.push(hit);
  }
  if (run.length) close();
  return spans;
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
