/**
 * The aligner on arbitrary text (fast-check): it never throws, its words map back to the exact
 * scraped characters, whatever it fills is the other source's own characters and makes only words
 * of the intact text; on prose (no word repeated within a sentence) a copy has nothing to fix and
 * only the damaged copy is ever filled.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignSources } from '../../src/ingest/align/align.ts';
import { alignText } from '../../src/ingest/align/tokens.ts';
import { damage, wordsOf } from './helpers.ts';

const word = fc.constantFrom('the', 'treaty', 'of', 'in', 'signed', 'Moscow', 'July', 'allies', 'was', 'and', 'trade', 'rose', 'officers', 'by', 'U.S.', 'Union', '{', '<b>', 'import', '—', 'naïve');
const number = fc.oneof(fc.integer({ min: 0, max: 99 }).map(String), fc.integer({ min: 100, max: 2100 }).map(String), fc.integer({ min: 1000, max: 99999 }).map((n) => n.toLocaleString('en-US')));
const sentence = fc.array(fc.oneof({ weight: 4, arbitrary: word }, { weight: 1, arbitrary: number }), { minLength: 1, maxLength: 18 }).map((ws) => `${ws.join(' ')}.`);
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 4 }).map((ss) => ss.join(' '));
const text = fc.array(paragraph, { minLength: 1, maxLength: 5 }).map((ps) => ps.join('\n\n'));
const anyText = fc.oneof(text, fc.string({ maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 200 }));

describe('aligner properties', () => {
  it('never throws, and every word is the characters it stands for', () => {
    fc.assert(fc.property(anyText, anyText, (a, b) => {
      const ta = alignText('a', a);
      for (const s of ta.sentences) for (const t of s.tokens) expect(s.lineText.slice(t.start, t.end).toLowerCase()).toBe(t.norm);
      alignSources(alignText('b', b), [{ id: 'a', text: a }]);
    }), { numRuns: 300 });
  });


  /** Fills between an intact text and its damaged copy, ingested in either order. */
  const fillsOf = (intact: string, intactNew: boolean) => {
    const damaged = damage(intact).text;
    const [fresh, old] = intactNew ? [alignText('intact', intact), { id: 'damaged', text: damaged }] : [alignText('damaged', damaged), { id: 'intact', text: intact }];
    return alignSources(fresh, [old]).findings.flatMap((f) => (f.kind === 'fill' ? [f] : []));
  };

  it('fills a damaged copy only with the intact text\'s own characters and words, even on repetitive text', () => {
    fc.assert(fc.property(text, fc.boolean(), (intact, intactNew) => {
      const known = new Set(wordsOf(intact));
      const intactLines = intact.split('\n');
      const damagedLines = damage(intact).text.split('\n');
      for (const f of fillsOf(intact, intactNew)) {
        expect(intactLines[f.from.sentence.line - 1]).toContain(f.insert.trim());
        // The words the insertion makes ("MH" + "17" makes "MH17") are words of the intact text.
        const line = f.at.source === 'damaged' ? (damagedLines[f.at.line - 1] ?? '') : (intactLines[f.at.line - 1] ?? '');
        const repaired = line.slice(0, f.at.offset) + f.insert + line.slice(f.at.offset);
        for (const m of repaired.matchAll(/[\p{L}\p{N}]+/gu)) {
          const [start, end] = [m.index ?? 0, (m.index ?? 0) + m[0].length];
          if (end > f.at.offset && start < f.at.offset + f.insert.length) expect(known.has(m[0].toLowerCase()), m[0]).toBe(true);
        }
      }
    }), {
      numRuns: 300,
      // Found by CI and by long runs: "1, 1," taken as the rest of "100."; "U.S. 1, the naïve"
      // paired by chance with "U.S. the { naïve" of another line; two lines offering "1879" and
      // "19,000" for one gap; "87" put inside "19"; "0" put before "100".
      examples: [
        ['the the the July 100. 1,000 1,000.\n\nthe.', false],
        ['U.S. U.S. 1,000 0.\n\nU.S. 1,000 1,000 U.S. the.\n\nthe.', false],
        ['trade 0 Moscow U.S. the { naïve. the 1,000 treaty U.S..\n\nU.S. 1,000 the naïve.\n\n— 0 the signed.', false],
        ['U.S. 19,000 rose the. 100.\n\nU.S. 1879 rose the.\n\n1,000.', false],
        ['the the the of { 100. 0.\n\nthe.', false],
      ],
    });
  });

  // Text where no word repeats within a sentence, as in prose: every fill lands on the damaged copy.
  const proseSentence = fc.uniqueArray(word, { minLength: 3, maxLength: 12 }).chain((ws) => fc.array(number, { minLength: 1, maxLength: 3 }).map((ns) => {
    const out: string[] = [...ws];
    ns.forEach((n, i) => out.splice(1 + ((i * 3) % out.length), 0, n));
    return `${out.join(' ')}.`;
  }));
  const prose = fc.array(fc.array(proseSentence, { minLength: 1, maxLength: 3 }).map((ss) => ss.join(' ')), { minLength: 1, maxLength: 4 }).map((ps) => ps.join('\n\n'));

  it('finds nothing to restore or dispute between prose and a copy of it', () => {
    fc.assert(fc.property(prose, (t) => {
      expect(alignSources(alignText('copy', t), [{ id: 'original', text: t }]).findings).toEqual([]);
      // Found by CI: "trade 100" and "trade 101" in two sentences of one text were paired as a disagreement.
    }), { numRuns: 200, examples: [['U.S. 100 naïve the and trade. trade 100 U.S. the.\n\nthe 100 and trade 101 U.S..']] });
  });

  it('fills only the damaged copy of prose, never the intact text', () => {
    fc.assert(fc.property(prose, fc.boolean(), (intact, intactNew) => {
      for (const f of fillsOf(intact, intactNew)) expect(f.at.source).toBe('damaged');
    }), { numRuns: 300 });
  });

  it('fills from unrelated texts are still the other side\'s characters', () => {
    fc.assert(fc.property(text, text, (a, b) => {
      const tb = alignText('b', b);
      const linesOf = { a: a.split('\n'), b: b.split('\n') };
      for (const f of alignSources(tb, [{ id: 'a', text: a }]).findings) {
        if (f.kind !== 'fill') continue;
        expect(linesOf[f.from.sentence.source as 'a' | 'b'][f.from.sentence.line - 1]).toContain(f.insert.trim());
        expect(f.from.sentence.source).not.toBe(f.at.source);
      }
    }), { numRuns: 300 });
  });
});
