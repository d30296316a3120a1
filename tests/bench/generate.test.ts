/**
 * Generated benchmark text loses numbers as the seed's scraper did, so that the real ingest finds
 * candidate repairs in most drafts, as it does in the seed (issue 16: timings on text without
 * them would flatter the build).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateScrapedText } from '../../bench/generate.ts';
import { countRepairs } from '../../bench/ingest-step.ts';
import { planIngest } from '../../src/ingest/index.ts';
import { readContentState } from '../../src/ingest/content-state.ts';

const generated = generateScrapedText(60, 7);
const paragraphs = generated.sections.flatMap((s) => s.paragraphs);

describe('generated benchmark text', () => {
  it('holds no number of three digits or more, as the scraper left none', () => {
    for (const p of paragraphs) expect(p).not.toMatch(/\d{3}/);
  });

  it('has lost numbers in most sections, in the seed shapes', () => {
    const losing = generated.sections.filter((s) => s.lostNumbers > 0);
    expect(losing.length).toBeGreaterThan(generated.sections.length * 0.8);
    const text = paragraphs.join('\n');
    for (const shape of [/\b(?:April|June|July|December)\p{Ll}{2,}/u, /\bfromwas\b/, /\b\d, officers\b/, /\b\dM system\b/, /\b(?:April|June|July|December) \d{1,2},\S/]) {
      expect(text, `a loss shaped like ${shape}`).toMatch(shape);
    }
  });

  it('is the same text for section i at any size', () => {
    const small = generateScrapedText(10, 7);
    expect(small.sections.map((s) => s.paragraphs)).toEqual(generated.sections.slice(0, 10).map((s) => s.paragraphs));
  });

  it('gives drafts with candidate repairs, most of them, through the real ingest', () => {
    const { entities } = readContentState(path.resolve(import.meta.dirname, '../../content'), 'bench');
    const plan = planIngest(generated.text, { id: 'bench', entities });
    const counts = countRepairs(plan.files);
    console.log(`[bench] ${counts.draftsWithRepairs} of ${counts.drafts} drafts carry ${counts.repairs} candidate repairs`);
    expect(counts.drafts).toBeGreaterThanOrEqual(generated.sections.length);
    expect(counts.draftsWithRepairs).toBeGreaterThan(counts.drafts * 0.6);
  });
});
