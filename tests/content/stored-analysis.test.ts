import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sectionIdPath } from '../../src/lib/urls.ts';
import { createEntityMatcher } from '../../src/markdown/entity-matcher.ts';
import { createSectionRenderer } from '../../src/markdown/render-section.ts';
import { fromStoredAnalysis, toStoredAnalysis } from '../../src/markdown/stored-analysis.ts';
import type { SectionAnalysis } from '../../src/markdown/analyse-section.ts';

const render = createSectionRenderer(createEntityMatcher([
  { id: 'russia', terms: ['Russia'] },
  { id: 'nato', terms: ['NATO', 'North Atlantic Treaty Organization'] },
]));

const analysisOf = (body: string): SectionAnalysis =>
  render({ filePath: '/tmp/s.mdx', page: sectionIdPath('history/s'), body, bodyStartLine: 1, frontmatter: {} }).analysis;

// A store round trip (devalue keeps plain JSON data as it is) must give the analysis back exactly.
const roundTrip = (a: SectionAnalysis) => fromStoredAnalysis(JSON.parse(JSON.stringify(toStoredAnalysis(a, []))));

describe('stored analysis', () => {
  it('keeps each mention sentence as offsets into its paragraph, and gives the same sentences back', () => {
    const a = analysisOf('Russia and   NATO met.  Then Russia left. NATO stayed on.\n\nA second paragraph about NATO.');
    expect(a.mentions.length).toBeGreaterThan(1);
    const stored = toStoredAnalysis(a, []);
    expect(stored.mentions.every((m) => Array.isArray(m.sentence))).toBe(true);
    expect(roundTrip(a)).toEqual(a);
  });

  it('keeps a sentence it cannot find in its paragraph as text', () => {
    const a: SectionAnalysis = {
      paragraphs: [{ id: 'p1', text: 'One text.' }],
      mentions: [{ entityId: 'russia', paragraphId: 'p1', words: 'Russia', sentence: 'Not in the paragraph.' }],
      repairParagraphs: new Map([[0, 'p1']]),
      links: ['https://example.org/'],
    };
    expect(toStoredAnalysis(a, []).mentions[0]?.sentence).toBe('Not in the paragraph.');
    expect(roundTrip(a)).toEqual(a);
  });

  it('gives back exactly what the renderer found, for any text', () => {
    const word = fc.constantFrom('Russia', 'NATO', "Russia's", 'the', 'North Atlantic Treaty Organization', 'met.', 'talks', 'Mr.', 'U.S.', '1991.', '—', '"quoted"');
    const sentence = fc.array(word, { minLength: 1, maxLength: 12 }).map((w) => w.join(' '));
    const paragraph = fc.array(fc.tuple(sentence, fc.constantFrom(' ', '  ', '\n')), { minLength: 1, maxLength: 5 })
      .map((parts) => parts.map(([s, gap]) => s + gap).join('').trim());
    // Distinct paragraphs: two with the same words get the same anchor id, which the renderer
    // rightly refuses as a content error (a duplicate anchor), not an analysis to store.
    const paragraphs = fc.uniqueArray(paragraph, { minLength: 1, maxLength: 4, selector: (p) => p.replace(/\s+/g, ' ') });
    fc.assert(fc.property(paragraphs, (paragraphs) => {
      const a = analysisOf(paragraphs.join('\n\n'));
      expect(roundTrip(a)).toEqual(a);
    }), { numRuns: 150 });
  });
});
