import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/content/frontmatter.ts';
import { cleanLines } from '../../src/ingest/clean.ts';
import { planIngest } from '../../src/ingest/index.ts';

/**
 * What broke when the corroboration and the furniture work met: text the aligner needs was
 * dropped as page furniture, and a draft entity took a term of the actor entity ingest creates.
 */
const SENTENCE = 'Exports of grain rose after the harvest, and they made up a quarter of all trade.';
const kind = (lines: string[], n: number, shared?: Set<number>) => cleanLines(lines, shared).verdicts[n - 1];

describe('text the scraper damaged, or another source shares, is not page furniture', () => {
  it('keeps a paragraph whose final number was cut with its full stop, before or after the text', () => {
    const cut = 'Trade between the two countries grew from 1, million dollars in to 3, million dollars in A commission founded in by both governments met twice a year until ';
    expect(kind(['Trade between the two economies', '', cut, '', SENTENCE], 3)?.kind).toBe('text');
    expect(kind([SENTENCE, '', SENTENCE.replace('grain', 'oil'), '', cut], 5)?.kind).toBe('text');
  });

  it('keeps a quoted fragment that begins in lower case, and never takes it for the title', () => {
    const verdicts = cleanLines(['established a diplomatic mission to NATO in 1998', '', SENTENCE, '', SENTENCE.replace('grain', 'oil')]).verdicts;
    expect(verdicts[0]?.kind).toBe('text');
  });

  it('keeps a short line another source holds, which the same line alone would drop as a footer', () => {
    const lines = [SENTENCE, '', SENTENCE.replace('grain', 'oil'), '', 'Following the dissolution of the Soviet Union in 1991'];
    expect(kind(lines, 5)).toMatchObject({ kind: 'dropped', reason: 'page-footer' });
    expect(kind(lines, 5, new Set([5]))?.kind).toBe('text');
  });
});

describe('the actor entity ingest creates', () => {
  it('is the only entity with its terms: no draft entity is made for "US" beside united-states', () => {
    const seed = fs.readFileSync(path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'seed', 'russia-us-relations.scraped.txt'), 'utf8');
    const { files } = planIngest(seed, { id: 'seed' });
    const owners = new Map<string, string[]>();
    for (const f of files.filter((x) => x.path.startsWith('entities/'))) {
      const parsed = parseYaml(f.content);
      const data = (parsed.ok ? parsed.data : {}) as { name: string; aliases?: string[] };
      for (const term of new Set([data.name, ...(data.aliases ?? [])].map((t) => t.toLowerCase()))) owners.set(term, [...(owners.get(term) ?? []), f.path]);
    }
    expect(files.map((f) => f.path)).toContain('entities/united-states.yaml');
    expect(owners.get('us')).toEqual(['entities/united-states.yaml']);
    expect([...owners].filter(([, paths]) => paths.length > 1)).toEqual([]);
  });
});
