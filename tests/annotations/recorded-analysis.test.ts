import path from 'node:path';
import { createProcessor } from '@mdx-js/mdx';
import fc from 'fast-check';
import remarkGfm from 'remark-gfm';
import type { PluggableList } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import config from '../../astro.config.mjs';
import { generateScrapedText } from '../../bench/generate.ts';
import { parseFrontmatter, parseYaml } from '../../src/content/frontmatter.ts';
import { fileIdOf, listContentFiles } from '../../src/content/load.ts';
import { planIngest } from '../../src/ingest/plan.ts';
import { readContentState } from '../../src/ingest/content-state.ts';
import { contentDir } from '../../src/lib/content-dir.ts';
import { buildLinkGraph, type GraphEntity } from '../../src/lib/link-graph.ts';
import remarkAnchors from '../../src/markdown/anchors.ts';
import remarkEntityLinks from '../../src/markdown/entity-links.ts';
import { createEntityMatcher } from '../../src/markdown/entity-matcher.ts';
import { termsOf } from '../../src/markdown/entity-terms.ts';
import remarkRecordAnalysis, { recordedAnalysis } from '../../src/markdown/record-analysis.ts';
import remarkRepairs from '../../src/markdown/repairs.ts';
import { entitySchema } from '../../src/schemas/entity.ts';
import { sectionSchema } from '../../src/schemas/section.ts';
import { oracleGraph, type BodySection } from '../helpers/graph-oracle.ts';

/**
 * The link graph is built from the analysis each section's MDX compile records
 * (`record-analysis.ts`) instead of a second parse of every body. These tests compile bodies
 * with the build's remark plugins, in the build's order, and check that the graph from the
 * recorded analyses equals the graph of the old second parse (`oracleGraph`), on the seed
 * content, on a corpus made by the real ingest from the benchmark's generated text, and on
 * random bodies.
 */

/** The build's remark plugins after MDX's own remark-gfm (astro.config.mjs), with the graph's matcher. */
function buildPlugins(entities: readonly GraphEntity[]): PluggableList {
  const matcher = createEntityMatcher(entities.map((e) => termsOf(e.id, e.data)));
  return [remarkGfm, remarkGfm, remarkAnchors, remarkRepairs, [remarkEntityLinks, { matcher }], remarkRecordAnalysis];
}

/** The graph from analyses recorded during a full MDX compile of each section, as the build does. */
async function recordedGraph(sections: readonly BodySection[], entities: readonly GraphEntity[]) {
  const processor = createProcessor({ format: 'mdx', remarkPlugins: buildPlugins(entities) });
  const analysed = [];
  for (const s of sections) {
    const file = new VFile({ path: s.filePath, value: s.body, data: { astro: { frontmatter: { repairs: s.data.repairs } } } } as ConstructorParameters<typeof VFile>[0]);
    await processor.process(file);
    const analysis = recordedAnalysis(s.filePath, s.body, s.data.repairs);
    if (!analysis) throw new Error(`${s.id}: the compile recorded no analysis`);
    analysed.push({ id: s.id, data: s.data, analysis });
  }
  return buildLinkGraph(analysed, entities);
}

const sectionFrom = (relative: string, text: string): BodySection => {
  const parsed = parseFrontmatter(text);
  if (!parsed.ok) throw new Error(`${relative}: ${parsed.message}`);
  const id = relative.replace(/^sections\//, '').replace(/\.mdx$/, '');
  return { id, filePath: path.join(contentDir(), relative), body: parsed.body, data: sectionSchema.parse(parsed.data) };
};

const entityFrom = (relative: string, text: string): GraphEntity => {
  const parsed = parseYaml(text);
  if (!parsed.ok) throw new Error(`${relative}: ${parsed.message}`);
  return { id: fileIdOf(relative), data: entitySchema.parse(parsed.data) };
};

const seedEntities = listContentFiles(contentDir(), 'entities', ['.yaml']).map((f) => entityFrom(f.relative, f.text));

describe('link graph from recorded analyses', () => {
  it('uses the plugins astro.config.mjs gives the build, in its order', () => {
    const processor = config.markdown?.processor as { options?: { remarkPlugins?: PluggableList } } | undefined;
    expect(processor?.options?.remarkPlugins).toEqual([remarkGfm, remarkAnchors, remarkRepairs, remarkEntityLinks, remarkRecordAnalysis]);
  });

  it('gives a record only for the body and repairs it was made from', async () => {
    const entities = seedEntities;
    const s = sectionFrom('sections/history/recorded.mdx', `---\ntitle: R\ntopic: history\nsummary: s\nsource: src\nperiod:\n  start: '1917'\n---\nRussia spoke. {/* #p-r */}\n`);
    await recordedGraph([s], entities);
    expect(recordedAnalysis(s.filePath, s.body, s.data.repairs)?.paragraphs).toEqual([{ id: 'p-r', text: 'Russia spoke.' }]);
    expect(recordedAnalysis(s.filePath, 'Russia left. {/* #p-r */}', s.data.repairs)).toBeUndefined();
    expect(recordedAnalysis(s.filePath, s.body, [{ after: 'Russia', note: 'n', confidence: 'low' }])).toBeUndefined();
    expect(recordedAnalysis(path.join(path.dirname(s.filePath), 'other.mdx'), s.body, s.data.repairs)).toBeUndefined();
  });

  it('equals the second-parse graph on the seed content', async () => {
    const sections = listContentFiles(contentDir(), 'sections', ['.mdx']).map((f) => sectionFrom(f.relative, f.text));
    expect(sections.length).toBeGreaterThan(10);
    const recorded = await recordedGraph(sections, seedEntities);
    expect(recorded).toEqual(oracleGraph(sections, seedEntities));
    expect([...recorded.mentions.values()].flat().length).toBeGreaterThan(10);
    expect([...recorded.repairParagraphs.values()].some((m) => m.size > 0)).toBe(true);
  });

  it('equals the second-parse graph on the ingest of generated text', async () => {
    const state = readContentState(contentDir(), 'bench');
    const plan = planIngest(generateScrapedText(80, 3).text, { id: 'bench', entities: state.entities, takenSectionIds: state.takenSectionIds });
    const sections = plan.files.filter((f) => f.path.startsWith('sections/') && f.path.endsWith('.mdx')).map((f) => sectionFrom(f.path, f.content));
    const created = plan.files.filter((f) => f.path.startsWith('entities/')).map((f) => entityFrom(f.path, f.content));
    const entities = [...seedEntities, ...created];
    expect(sections.length).toBeGreaterThan(50);
    const recorded = await recordedGraph(sections, entities);
    expect(recorded).toEqual(oracleGraph(sections, entities));
    expect([...recorded.mentions.values()].flat().length).toBeGreaterThan(50);
  });

  it('equals the second-parse graph on random bodies', async () => {
    const entities: GraphEntity[] = [
      { id: 'russia', data: entitySchema.parse({ kind: 'place', name: 'Russia', description: 'd', aliases: ['Russian Federation'] }) },
      { id: 'nato', data: entitySchema.parse({ kind: 'organisation', name: 'NATO', description: 'd', aliases: ['the Allies'] }) },
      { id: 'us', data: entitySchema.parse({ kind: 'place', name: 'United States', description: 'd', aliases: ['US'] }) },
    ];
    const word = fc.constantFrom('Russia', "Russia's", 'russia', 'Russian', 'Russian\nFederation', 'NATO', 'NATO-led', 'nato', 'the Allies', "Allies'", 'US', 'us', 'United  States',
      'talks', 'said', 'in', '\\*', '\\[', '*Russia*', '**NATO**', '`US`', '[Russia](b.html#p-x)', '[text](a.html)', '<br />', 'end.', 'Then', '1987.');
    const block = fc.tuple(fc.constantFrom('', '## ', '- ', '> ', '1. '), fc.array(word, { minLength: 1, maxLength: 12 }), fc.boolean());
    const body = fc.array(block, { minLength: 1, maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(fc.array(body, { minLength: 1, maxLength: 3 }), async (bodies) => {
        const sections = bodies.map((blocks, s) => {
          // A line break ends a heading, and would leave its second line a paragraph that may repeat
          // another block's (two equal paragraphs get one id: a content error, not a graph case).
          const line = (prefix: string, words: string[]) => (prefix === '## ' ? words.join(' ').replace(/\n/g, ' ') : words.join(' '));
          const text = blocks.map(([prefix, words, marker], b) => `${prefix}${line(prefix, words)} w${b}${marker ? ` {/* #m-${b} */}` : ''}`).join('\n\n');
          return sectionFrom(`sections/history/s${s}.mdx`, `---\ntitle: S${s}\ntopic: history\nsummary: s\nsource: src\nperiod:\n  start: '1917'\n---\n${text}\n`);
        });
        expect(await recordedGraph(sections, entities)).toEqual(oracleGraph(sections, entities));
      }),
      { numRuns: 150 },
    );
  });
});
