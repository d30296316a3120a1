import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanLines } from '../../src/ingest/clean.ts';
import { statedDates } from '../../src/ingest/dates.ts';
import { isRealDate } from '../../src/schemas/dates.ts';
import { entityCandidates } from '../../src/ingest/entity-candidates.ts';
import { draftSummary, keyPhrase } from '../../src/ingest/draft-title.ts';
import { shapeReason } from '../../src/ingest/line-shape.ts';

/** Line shapes, dates, names and titles: table tests with lines of our own, and properties over generated text. */

describe('a line\'s shape', () => {
  it.each([
    ['| Year | Event |', 'table'],
    ['Tel: 020 7946 0000', 'contact'],
    ['Write to desk@example.org for corrections', 'contact'],
    ['var x = document.getElementById("nav"); x.hidden = true;', 'code'],
    ['export default function Page() {', 'code'],
    ['We use cookies on this site.', 'site-banner'],
    ['Foto: Jan Novak/CTK', 'caption'],
    ['Credit: Archive photo (1962)', 'caption'],
    ['By Anna Kowalska', 'byline'],
    ['Von Peter Graf, Moskau', 'byline'],
    ['Mis à jour le 3 mars 2020', 'byline'],
    ['14 July 2016', 'byline'],
    ['Share on LinkedIn', 'navigation'],
    ['News › World › Europe', 'navigation'],
    ['Start  Politik  Wirtschaft  Kultur', 'navigation'],
  ])('%s -> %s', (line, reason) => {
    expect(shapeReason(line.replace(/\s+/g, ' '), line)?.reason).toBe(reason);
  });

  it.each([
    'By the end of 1991 the Soviet Union had ceased to exist.',
    'Contact between the two navies was resumed in 1994.',
    'The official website of the Kremlin published the decree on 3 May 2000.',
    'Updated figures were released by the ministry in 2004.',
    'It was signed on 8 December 1987.',
    'Share prices in Moscow fell after the talks.',
  ])('keeps the sentence "%s"', (line) => {
    expect(shapeReason(line)).toBeUndefined();
  });
});

// Sentences of our own making: content words (banner and menu words among them, dates, names), each
// followed by one of the function words English prose is dense with, as a reader's sentence is.
const CONTENT = fc.constantFrom('treaty', 'talks', 'Moscow', 'Washington', 'signed', 'officials', 'agreed', 'on 4 May 1990', 'Council', 'Russia', 'share', 'contact', 'updated', 'official', 'website', 'print', 'home', 'photo');
const FUNCTION = fc.constantFrom('the', 'of', 'and', 'to', 'in', 'a', 'was', 'by', 'after', 'with');
const SENTENCE = fc.tuple(fc.constantFrom('The', 'By the', 'In', 'Updated', 'Contact', 'Share', 'On', 'Officials'), fc.array(fc.tuple(CONTENT, FUNCTION), { minLength: 4, maxLength: 12 }), CONTENT)
  .map(([first, pairs, last]) => `${first} ${pairs.flat().join(' ')} ${last}.`);
const FURNITURE = fc.constantFrom('', 'Home', 'Share on X', 'By Jane Roe', '12 March 2019', 'Tel: +1 202 555 0100', '| a | b |', 'Photo: AP', '© 2020 Daily', 'Topics › Europe › Russia');

describe('never dropping a sentence (fast-check)', () => {
  it('keeps every generated sentence, wherever it stands among furniture', () => {
    fc.assert(fc.property(fc.array(fc.oneof(SENTENCE, FURNITURE), { minLength: 1, maxLength: 25 }), (lines) => {
      const { verdicts } = cleanLines(lines);
      lines.forEach((line, i) => {
        if (line.endsWith('.') && line.split(' ').length >= 8) expect(verdicts[i]?.kind, line).toBe('text');
      });
    }), { numRuns: Number(process.env.FUZZ_RUNS ?? 200) });
  });
});

describe('dates a sentence states', () => {
  it.each([
    ['The accord was signed in Vienna on 18 June 1979 by both leaders.', '1979-06-18', 'The accord was signed in Vienna on 18 June 1979 by both leaders'],
    ['Talks resumed in March 1985, after a long pause.', '1985-03', 'Talks resumed in March 1985, after a long pause'],
    ['On Dec. 8, 1987, the treaty was signed.', '1987-12-08', 'On Dec. 8, 1987, the treaty was signed'],
    ['In 1972 the two sides agreed to limit missile defences.', '1972', 'In 1972 the two sides agreed to limit missile defences'],
  ])('%s', (text, date, label) => {
    expect(statedDates(text)).toContainEqual({ date, label });
  });

  it('takes no date from a weekday or a year without its event', () => {
    expect(statedDates('They met on Thursday. The 1991 treaty was long.')).toEqual([]);
    // A year chrono reads as before Christ is no date of the form YYYY (seed 1665193194).
    expect(statedDates('The council met in May 1990 bC and agreed.')).toEqual([]);
  });

  it('gives real dates and labels from the text, whatever the text (fast-check)', () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('on 31 February 2001', 'in May 1990', '1 Jan. 2000', 'in 1867', ',', '.')), { maxLength: 12 }), (parts) => {
      const text = parts.join(' ');
      for (const d of statedDates(text)) {
        expect(isRealDate(d.date), d.date).toBe(true);
        expect(text.replace(/\s+/g, ' ')).toContain(d.label);
      }
    }), { numRuns: 200 });
  });
});

describe('names', () => {
  it('finds names as written and keeps out fragments and common words', () => {
    const names = entityCandidates('In April the United States and the Organization of American States met. Background talks followed. Chancellor Helmut Kohl visited St. Petersburg in May.').map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['United States', 'Organization of American States', 'Helmut Kohl', 'St. Petersburg']));
    for (const bad of ['In April', 'April', 'The United', 'Background', 'Chancellor', 'May']) expect(names).not.toContain(bad);
  });

  it('returns names that occur in the text (fast-check)', () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('President Ivan Petrov', 'the Baltic Council', 'In June', '.', 'The', 'Oslo')), { maxLength: 15 }), (parts) => {
      const text = parts.join(' ');
      for (const c of entityCandidates(text)) expect(text.replace(/\s+/g, ' ')).toContain(c.name);
    }), { numRuns: 150 });
  });
});

describe('titles and summaries', () => {
  it('takes the subject of the first sentence, without its dates', () => {
    expect(keyPhrase('The annexation of Crimea by Russia in March 2014 ended two decades of partnership.')).toBe('Annexation of Crimea by Russia');
    expect(keyPhrase('In 1867 the United States purchased Alaska from the Russian Empire.')).toBe('United States purchased Alaska from the Russian Empire');
  });

  it('summarises by the opening sentences, within 400 characters', () => {
    expect(draftSummary('One. Two. Three.')).toBe('One. Two.');
    const long = `${'word '.repeat(120)}end.`;
    expect(draftSummary(long).length).toBeLessThanOrEqual(400);
    expect(draftSummary(long).endsWith('…')).toBe(true);
  });
});

describe('draft entities', () => {
  it('gives one entity to a name written in capitals and in mixed case, so the site matcher never finds it ambiguous', async () => {
    const { draftEntities } = await import('../../src/ingest/entity-drafts.ts');
    const { createEntityMatcher } = await import('../../src/markdown/entity-matcher.ts');
    const drafts = draftEntities(['PRAGUE talks began. Officials met in Prague on Monday.'], []);
    expect(drafts.filter((d) => d.name.toLowerCase() === 'prague')).toHaveLength(1);
    expect(() => createEntityMatcher(drafts.map((d) => ({ id: d.id, terms: [d.name, ...d.aliases] })))).not.toThrow();
  });
});
