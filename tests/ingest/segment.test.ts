import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanLines } from '../../src/ingest/clean.ts';
import { splitLines } from '../../src/ingest/decode.ts';
import { blockText, segmentBlocks } from '../../src/ingest/segment.ts';
import { splitSentences } from '../../src/lib/sentences.ts';

describe('splitSentences', () => {
  it.each([
    ['The U.S. and Russia met. Then they parted.', ['The U.S. and Russia met. ', 'Then they parted.']],
    ['It was signed on Dec. 6 in Paris. It held.', ['It was signed on Dec. 6 in Paris. ', 'It held.']],
    ['See No. 5 of the list. Also No. 6.', ['See No. 5 of the list. ', 'Also No. 6.']],
    ['President George H. W. Bush spoke. Dr. Smith agreed.', ['President George H. W. Bush spoke. ', 'Dr. Smith agreed.']],
    ['Was it? "Yes," she said. Done!', ['Was it? ', '"Yes," she said. ', 'Done!']],
    ['Prices rose 3.5 percent in 2014. Then fell.', ['Prices rose 3.5 percent in 2014. ', 'Then fell.']],
  ])('%j', (text, expected) => {
    expect(splitSentences(text)).toEqual(expected);
  });

  it('never loses or reorders a character (fast-check)', () => {
    const piece = fc.oneof(fc.constantFrom('U.S.', 'Dec.', 'No. 5', 'H. W.', '. ', '? ', '! ', ' ', 'The', 'a', '"', '…', '\n'), fc.string({ maxLength: 5 }));
    fc.assert(fc.property(fc.array(piece, { maxLength: 30 }).map((p) => p.join('')), (text) => {
      expect(splitSentences(text).join('')).toBe(text);
    }), { numRuns: 1000 });
  });
});

describe('cleaning and paragraphs', () => {
  const sort = (text: string) => {
    const { lines } = splitLines(text);
    const { verdicts, facts } = cleanLines(lines);
    return { lines, verdicts, facts, blocks: segmentBlocks(verdicts) };
  };

  it('gives every line one verdict, with reasons for the dropped ones', () => {
    const { verdicts } = sort([
      'Home', 'World | Politics | Europe', 'A page title - Example News', '', 'By Jane Q. Public', 'Updated 4 December 2018',
      'The Allies met in Brussels.', 'Photo: Reuters', '  • Related story', 'Subscribe to our newsletter', '***', 'the query',
      'Second paragraph here.', 'the query',
    ].join('\n'));
    expect(verdicts.map((v) => (v.kind === 'text' ? 'text' : v.reason))).toEqual([
      'navigation', 'navigation', 'page-title', 'blank', 'byline', 'byline', 'text', 'caption', 'link-bullet', 'site-banner', 'debris',
      'query-repeat', 'text', 'query-repeat',
    ]);
  });

  it('fills the manifest facts the lines tell', () => {
    const { facts } = sort('A page title - Example News\n\nPublished 11 April 2018\n\nText here.\n  • Other story - BBC News\nOther story\n');
    expect(facts.title).toBe('A page title');
    expect(facts.publishers).toEqual([
      { name: 'Example News', page: 'A page title', lines: [1], date: '2018-04-11' },
      { name: 'BBC News', page: 'Other story', lines: [6, 7] },
    ]);
    expect(facts.dates).toEqual([{ date: '2018-04-11', line: 3 }]);
  });

  it('reads CRLF, a BOM, non-breaking and zero-width spaces', () => {
    const { lines, verdicts } = sort('\uFEFFthe query\r\n\u00a0\u200b\r\nThe Allies met.\r\nthe\u00a0query\r\n');
    expect(lines).toHaveLength(4);
    expect(verdicts.map((v) => (v.kind === 'text' ? 'text' : v.reason))).toEqual(['page-title', 'blank', 'text', 'query-repeat']);
  });

  it('splits single-newline paragraphs and joins hard-wrapped lines', () => {
    expect(sort('First paragraph ends.\nSecond one ends.').blocks.map(blockText)).toEqual(['First paragraph ends.', 'Second one ends.']);
    expect(sort('Intro ends.\n\nA sentence wrapped\nat the margin by Gen. H. W.\nMarsh ends here.').blocks.map(blockText)).toEqual(['Intro ends.', 'A sentence wrapped\nat the margin by Gen. H. W.\nMarsh ends here.']);
  });

  it('keeps a short standalone line as a heading before its paragraph', () => {
    const { blocks } = sort('Intro text ends.\n\nKey areas of cooperation\n\nThe council met.');
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'heading', 'paragraph']);
  });

  it('places or drops every line of any text (fast-check)', () => {
    const line = fc.oneof(fc.constantFrom('', 'Home', 'the query', '• link', 'By X Y', 'The Allies met.', 'Short title', 'wrapped line'), fc.string({ maxLength: 40 }));
    fc.assert(fc.property(fc.array(line, { minLength: 1, maxLength: 30 }), (ls) => {
      const { lines, verdicts, blocks } = sort(ls.join('\n'));
      expect(verdicts.map((v) => v.line)).toEqual(lines.map((_, i) => i + 1));
      const placed = blocks.flatMap((b) => b.lines.map((l) => l.line));
      const kept = verdicts.filter((v) => v.kind === 'text').map((v) => v.line);
      expect(placed).toEqual(kept);
    }), { numRuns: 300 });
  });
});

describe('page facts from bylines', () => {
  it('dates the publisher the title line names', () => {
    const { facts } = cleanLines(splitLines('A page title - Example News\nPublished 11 April 2018\n\nText here.').lines);
    expect(facts.publishers).toEqual([{ name: 'Example News', page: 'A page title', lines: [1], date: '2018-04-11' }]);
  });
});

describe('long paragraphs', () => {
  it('splits a 40,000-character line at sentence ends into bounded paragraphs, losing nothing', () => {
    const line = Array.from({ length: 900 }, (_, i) => `Sentence number ${i} says the Allies met again. `).join('').trim();
    const { verdicts } = cleanLines(splitLines(`Intro.\n\n${line}`).lines);
    const blocks = segmentBlocks(verdicts).slice(1);
    expect(blocks.length).toBeGreaterThan(9);
    for (const b of blocks) expect(blockText(b).length).toBeLessThanOrEqual(4000);
    expect(blocks.map(blockText).join(' ')).toBe(line);
    expect(new Set(blocks.flatMap((b) => b.lines.map((l) => l.line)))).toEqual(new Set([3]));
  });
});
