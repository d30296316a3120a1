/**
 * A paragraph's title in links.json and objects.inv is its first twelve words
 * (src/links/link-targets.ts `firstWords`), read without splitting the whole paragraph. For any
 * text it must be what the plain definition gives: split at spaces, drop empty words, keep
 * `count`, add an ellipsis when there were more.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstWords } from '../../src/links/link-targets.ts';

function byDefinition(text: string, count: number): string {
  const words = text.split(' ').filter(Boolean);
  return words.length > count ? `${words.slice(0, count).join(' ')}…` : words.join(' ');
}

describe('firstWords', () => {
  it('gives what splitting the whole text gives, for any text and count', () => {
    const spacy = fc.array(fc.oneof(fc.constantFrom(' ', '  ', '\t', '\n', '\u00a0', 'a', 'word', '…'), fc.string()), { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(fc.string(), spacy), fc.integer({ min: 0, max: 15 }), (text, count) => {
        expect(firstWords(text, count)).toBe(byDefinition(text, count));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps twelve words of a long paragraph and marks the cut', () => {
    const paragraph = 'NATO Foreign Ministers continue to call on Russia to reverse its recognition of the breakaway regions as independent states.';
    expect(firstWords(paragraph, 12)).toBe('NATO Foreign Ministers continue to call on Russia to reverse its recognition…');
    expect(firstWords('  two  words ', 12)).toBe('two words');
  });
});
