import { describe, expect, it } from 'vitest';
import { parseFrontmatter } from '../../src/content/frontmatter.ts';
import { planIngest, type EntityInfo } from '../../src/ingest/index.ts';

/** The frontmatter of every planned draft. */
function drafts(text: string, entities: EntityInfo[] = []) {
  return planIngest(text, { id: 't', entities }).files.filter((f) => f.path.endsWith('.mdx')).map((f) => {
    const parsed = parseFrontmatter(f.content);
    if (!parsed.ok) throw new Error(parsed.message);
    return { path: f.path, data: parsed.data as Record<string, unknown> };
  });
}

const REVOLUTION = 'Diplomatic relations were interrupted following the Bolshevik Revolution and resumed later.';

describe('topic fields come from the text, never invented', () => {
  it('history starts at the earliest year the text states', () => {
    const [d] = drafts(`Diplomatic relations were interrupted in 1917 and resumed in 1933 after the revolution.`);
    expect(d?.data.topic).toBe('history');
    expect(d?.data.period).toEqual({ start: '1917' });
  });

  it('history without a year takes the date of an event the text names', () => {
    const revolution: EntityInfo = { id: 'bolshevik-revolution', kind: 'event', name: 'Bolshevik Revolution', aliases: [], dates: [{ date: '1917-11-07' }] };
    const [d] = drafts(REVOLUTION, [revolution]);
    expect(d?.data.period).toEqual({ start: '1917' });
    expect(d?.data.classification).toMatch(/entity "bolshevik-revolution"/);
  });

  it('history with no date at all becomes another topic, and says why', () => {
    const [d] = drafts(REVOLUTION);
    expect(d?.data.topic).not.toBe('history');
    expect(d?.data.classification).toMatch(/Not history: the text gives no date/);
  });

  it('cooperation status follows the text', () => {
    expect(drafts('The NRC suspended all practical cooperation and joint training projects.')[0]?.data.status).toBe('suspended');
    expect(drafts('The NRC runs practical cooperation and joint training projects.')[0]?.data.status).toBe('active');
  });

  it('us-policy names the united-states entity, created only when missing', () => {
    const text = 'The United States policy and strategy seek to deter Russia where national interests are at stake.';
    const created = planIngest(text, { id: 't' }).files.map((f) => f.path);
    expect(created).toContain('entities/united-states.yaml');
    const us: EntityInfo = { id: 'united-states', kind: 'place', name: 'United States', aliases: [], dates: [] };
    expect(planIngest(text, { id: 't', entities: [us] }).files.map((f) => f.path)).not.toContain('entities/united-states.yaml');
    expect(drafts(text)[0]?.data.actor).toBe('united-states');
  });

  it('explains every classification by the words that matched', () => {
    expect(drafts('The Allies call on Russia to respect the territorial integrity of Georgia.')[0]?.data.classification).toMatch(/^Unreviewed draft of lines 1–1 of t\. Lines 1: nato-stance scored \d+ \("allies", "call on russia"/);
  });
});
