import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ambiguousTermProblems } from '../../src/content/entity-terms-check.ts';
import type { GraphEntity } from '../../src/lib/link-graph.ts';
import { oracleGraph, type BodySection } from '../helpers/graph-oracle.ts';
import { buildTimeline, sectionDatedFacts } from '../../src/lib/timeline.ts';
import { sentenceAround } from '../../src/lib/sentences.ts';
import { collapsedNeedle, placeLine } from '../../src/lib/source-map.ts';
import { contentDir } from '../../src/lib/content-dir.ts';
import { resolveUrl, searchUrl, type PagePath } from '../../src/lib/urls.ts';
import { sectionSchema } from '../../src/schemas/section.ts';
import { entitySchema } from '../../src/schemas/entity.ts';

const section = (id: string, body: string, extra: Record<string, unknown> = {}): BodySection => {
  const [topic = 'history'] = id.split('/');
  const data = sectionSchema.parse({
    title: id, topic, summary: 's', source: 'src', period: { start: '1917' }, ...extra,
  });
  return { id, filePath: path.join(contentDir(), 'sections', `${id}.mdx`), body, data };
};
const entity = (id: string, name: string, extra: Record<string, unknown> = {}): GraphEntity => ({
  id, data: entitySchema.parse({ kind: 'place', name, description: 'd', ...extra }),
});

describe('link graph', () => {
  const entities = [entity('russia', 'Russia'), entity('nato', 'NATO', { aliases: ['Allies'], related: ['russia'] }), entity('lonely', 'Nowhere')];
  const sections = [
    section('history/a', 'Allies met. Russia spoke. Then Russia left. {/* #p-a */}\n\nNATO again. {/* #p-a2 */}', { related: ['history/b'], entities: ['lonely'] }),
    section('history/b', 'See [the other](a.html#p-a) on Russia. {/* #p-b */}'),
    section('history/c', '## Russia\n\nNothing here. {/* #p-c */}'),
  ];
  const graph = oracleGraph(sections, entities);

  it('records the first mention in each section, with its paragraph and sentence', () => {
    expect(graph.mentions.get('russia')).toEqual([
      { sectionId: 'history/a', paragraphId: 'p-a', words: 'Russia', sentence: 'Russia spoke.' },
      { sectionId: 'history/b', paragraphId: 'p-b', words: 'Russia', sentence: 'See the other on Russia.' },
    ]);
    expect(graph.mentions.get('nato')).toEqual([{ sectionId: 'history/a', paragraphId: 'p-a', words: 'Allies', sentence: 'Allies met.' }]);
  });

  it('never counts a heading as a mention', () => {
    expect(graph.entitiesOf.get('history/c')).toEqual([]);
  });

  it('keeps entities named in frontmatter and related entities both ways', () => {
    expect(graph.namedBy.get('lonely')).toEqual(['history/a']);
    expect(graph.entitiesOf.get('history/a')).toEqual(['nato', 'russia', 'lonely']);
    expect(graph.relatedEntities.get('russia')).toEqual(['nato']);
    expect(graph.relatedEntities.get('nato')).toEqual(['russia']);
  });

  it('collects backlinks from related declarations and from links in the text', () => {
    expect(graph.referencedBy.get('history/b')).toEqual([{ sectionId: 'history/a', how: 'related' }]);
    expect(graph.referencedBy.get('history/a')).toEqual([{ sectionId: 'history/b', how: 'link' }]);
  });

  it('records paragraphs as source text, without self-links', () => {
    expect(graph.paragraphs.get('history/a')).toEqual([
      { id: 'p-a', text: 'Allies met. Russia spoke. Then Russia left.' },
      { id: 'p-a2', text: 'NATO again.' },
    ]);
  });
});

describe('timeline', () => {
  const repairs = [
    { after: 'On December 6,', insert: ' 1917,', note: 'year lost', confidence: 'high' as const, date: '1917-12-06', evidence: { publisher: 'p', url: 'https://x.org/', quote: 'q' } },
    { after: 'following the', insert: ' 1917', note: 'year lost', confidence: 'high' as const, date: '1917', evidence: { publisher: 'p', url: 'https://x.org/', quote: 'q' } },
  ];
  const days = buildTimeline(
    [{
      id: 'history/a', title: 'A', repairs,
      dates: [{ date: '1917-12-06', label: 'Wilson orders', restored: true }, { date: '1933', label: 'Recognition', restored: false }],
      paragraphs: [{ id: 'p-a', text: 'Relations broke following the Bolshevik Revolution. On December 6,President Wilson acted.' }],
      repairParagraphs: new Map([[0, 'p-a'], [1, 'p-a']]),
    }],
    [{ id: 'wilson', data: { name: 'Woodrow Wilson', dates: [{ date: '1917-12', label: 'A month' }] } }],
  );

  it('orders days, a partial date before the days within it', () => {
    expect(days.map((d) => d.date)).toEqual(['1917', '1917-12', '1917-12-06', '1933']);
  });

  it('links a section date to the paragraph that states it word for word, and to the section when none does', () => {
    const [stated, own] = buildTimeline([{
      id: 'history/d', title: 'D', repairs: [], repairParagraphs: new Map(),
      dates: [{ date: '1809-11-05', label: 'Adams presented his credentials on November 5, 1809', restored: false }, { date: '1810', label: 'In our words', restored: false }],
      paragraphs: [{ id: 'p-other', text: 'Nothing dated.' }, { id: 'p-adams', text: 'John Quincy Adams presented his credentials on November 5,\n1809, in St. Petersburg.' }],
    }], []).map((d) => d.facts[0]?.where.fragment);
    expect(stated).toBe('p-adams');
    expect(own).toBe(null);
  });

  it('merges a repair into the section date it restores, and links the paragraph', () => {
    const fact = days.find((d) => d.date === '1917-12-06')?.facts;
    expect(fact).toHaveLength(1);
    expect(fact?.[0]?.restored).toBe(true);
    expect(fact?.[0]?.where).toEqual({ title: 'A', path: 'history/a.html', fragment: 'p-a', kind: 'section' });
  });

  it('labels a dated repair with its sentence, the restored words marked', () => {
    const fact = days.find((d) => d.date === '1917')?.facts[0];
    expect(fact?.label).toEqual([
      { text: 'Relations broke following the', restored: false },
      { text: ' 1917', restored: true },
      { text: ' Bolshevik Revolution.', restored: false },
    ]);
  });

  it('names the entity on its facts', () => {
    expect(days.find((d) => d.date === '1917-12')?.facts[0]?.label).toEqual([{ text: 'Woodrow Wilson: A month', restored: false }]);
  });
});

describe('sentences and source lines', () => {
  it('finds the sentence around a position, keeping abbreviations and initials', () => {
    const text = 'First one. The U.S. in cooperation with George H. W. Bush spoke. Last.';
    expect(sentenceAround(text, text.indexOf('Bush'))).toBe('The U.S. in cooperation with George H. W. Bush spoke.');
    expect(sentenceAround(text, 0)).toBe('First one.');
  });

  it('splits a line into the paragraphs that hold it, with repairs placed after their words', () => {
    const line = 'Key areas prior to April To facilitate. Debris Then Pakistan joined in Implemented.';
    const segments = placeLine(line, [
      { sectionId: 's/a', paragraphs: [{ id: 'p1', text: 'Key areas prior to April To facilitate.' }], repairs: [{ after: 'prior to April', insert: ' 2014', note: 'n', confidence: 'high' }], repairParagraphs: new Map([[0, 'p1']]) },
      { sectionId: 's/b', paragraphs: [{ id: 'p2', text: 'Then Pakistan joined in Implemented.' }], repairs: [], repairParagraphs: new Map() },
    ]);
    expect(segments.map((s) => [s.text, s.place?.paragraphId])).toEqual([
      ['Key areas prior to April To facilitate.', 'p1'],
      [' Debris ', undefined],
      ['Then Pakistan joined in Implemented.', 'p2'],
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(line);
    expect(segments[0]?.repairs.map((r) => r.at)).toEqual(['Key areas prior to April'.length]);
  });

  it('looks for a paragraph trimmed and with each whitespace run one space, whatever its text (the shortcut for text already so included)', () => {
    const whitespace = fc.constantFrom(' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u2028', '\ufeff', '\u3000');
    const text = fc.array(fc.oneof(fc.string(), whitespace), { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(fc.property(text, (needle) => {
      expect(collapsedNeedle(needle)).toBe(needle.trim().replace(/\s+/g, ' '));
    }), { numRuns: 2000 });
  });
});

describe('entity terms in the content check', () => {
  it('reports a name or alias two entities share, naming the file, the field and the other entity', () => {
    const problems = ambiguousTermProblems([
      { file: 'content/entities/georgia.yaml', id: 'georgia', data: { name: 'Georgia', aliases: ['Georgian'] } },
      { file: 'content/entities/georgia-us.yaml', id: 'georgia-us', data: { name: 'Georgia (U.S. state)', aliases: ['georgia'] } },
    ]);
    expect(problems).toEqual([
      expect.objectContaining({ file: 'content/entities/georgia-us.yaml', field: 'aliases.0', found: '"georgia", already the name of entity "georgia"' }),
    ]);
  });
});

describe('dated facts of a section', () => {
  it('adds a cooperation’s launch and suspension unless its dates already state them', () => {
    const data = sectionSchema.parse({
      title: 'Project', topic: 'cooperation', summary: 's', source: 'src', status: 'suspended', launched: '2005-12', suspended: '2014-04',
      dates: [{ date: '2005-12', label: 'Launched in December' }],
    });
    expect(sectionDatedFacts(data)).toEqual([
      { date: '2005-12', label: 'Launched in December', restored: false },
      { date: '2014-04', label: 'Suspended: Project', restored: false },
    ]);
  });
});

describe('search links', () => {
  it('writes the search page with an encoded query, relative to the page', () => {
    expect(searchUrl('entities/russia.html' as PagePath, 'Russia & NATO')).toBe('../search.html?q=Russia%20%26%20NATO');
    expect(resolveUrl('entities/russia.html' as PagePath, searchUrl('entities/russia.html' as PagePath, 'x')).path).toBe('search.html');
  });
});
