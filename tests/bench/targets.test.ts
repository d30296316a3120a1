/**
 * The benchmark holds each size's results to issue 16's targets: a warm build after one text
 * edit, with nothing changed, the cold build against Starlight and against the floor.
 */
import { describe, expect, it } from 'vitest';
import { targetChecks, type SizeResult } from '../../bench/report.ts';

const result = (sections: number, ratios: Record<string, number>, others: { starlight?: number; floor?: number }): SizeResult => ({
  sections,
  buildSeconds: 100,
  builds: Object.entries(ratios).map(([step, ratioToCold]) => ({ step, ratioToCold })),
  ...(others.starlight ? { starlight: { buildSeconds: others.starlight } } : {}),
  ...(others.floor ? { floor: { buildSeconds: others.floor } } : {}),
}) as unknown as SizeResult;

describe('targetChecks', () => {
  it('at 5,000 sections: text edit 0.25x, nothing changed 0.2x, Starlight 0.25x, the floor 1x', () => {
    const checks = targetChecks(result(5000, { 'text-edit': 0.25, unchanged: 0.21, 'unchanged-skipped': 0.01 }, { starlight: 400, floor: 99 }));
    expect(checks.map((c) => [c.what, c.ratio, c.limit, c.met])).toEqual([
      ['warm after one section text edit / cold', 0.25, 0.25, true],
      ['warm with nothing changed, Astro run anyway / cold', 0.21, 0.2, false],
      ['warm with nothing changed, npm run build (skips) / cold', 0.01, 0.2, true],
      ['cold / Starlight', 0.25, 0.25, true],
      ['cold / floor', 1.01, 1, false],
    ]);
  });

  it('at 1,000 sections: 0.35x, 0.3x and 0.8x Starlight, no floor target', () => {
    const checks = targetChecks(result(1000, { 'text-edit': 0.36, unchanged: 0.3 }, { starlight: 125, floor: 50 }));
    expect(checks.map((c) => [c.limit, c.met])).toEqual([[0.35, false], [0.3, true], [0.8, true]]);
  });

  it('has nothing to hold other sizes to, nor a comparison that did not run', () => {
    expect(targetChecks(result(100, { 'text-edit': 0.9, unchanged: 0.9 }, {}))).toEqual([]);
    expect(targetChecks(result(1000, { 'text-edit': 0.1, unchanged: 0.1 }, {})).map((c) => c.what)).not.toContain('cold / Starlight');
  });
});
