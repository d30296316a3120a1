import { describe, expect, it } from 'vitest';
import { planIngest } from '../../src/ingest/index.ts';

describe('progress', () => {
  it('reports rising progress through the stages, ending at 100%', () => {
    const seen: [number, string][] = [];
    const text = Array.from({ length: 500 }, (_, i) => `Paragraph ${i}: the Allies call on Russia to comply with the INF Treaty.\n`).join('\n');
    planIngest(text, { id: 'p', onProgress: (done, stage) => seen.push([done, stage]) });
    const shares = seen.map(([d]) => d);
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
    expect(seen.at(-1)).toEqual([1, 'done']);
    expect(new Set(seen.map(([, s]) => s))).toEqual(new Set(['cleaned', 'classified', 'sections', 'manifest', 'done']));
  });
});
