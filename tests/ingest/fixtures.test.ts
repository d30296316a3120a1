import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planIngest } from '../../src/ingest/index.ts';
import { filesUnder } from '../helpers/site.ts';

/**
 * Fixture folders: `cases/<name>/input.txt` is ingested as source `<name>`; every planned file
 * but the copied input must equal `cases/<name>/expected/<path>`. Run with RUSREF_UPDATE_FIXTURES=1 to
 * regenerate the expected files after an intended change, then review the diff.
 */
const CASES = path.join(import.meta.dirname, '..', 'fixtures', 'ingest', 'cases');
const update = process.env.RUSREF_UPDATE_FIXTURES === '1';

describe('ingest fixtures', () => {
  for (const name of fs.readdirSync(CASES).sort()) {
    it(`${name}: output matches expected/`, () => {
      const input = fs.readFileSync(path.join(CASES, name, 'input.txt'), 'utf8');
      const plan = planIngest(input, { id: name });
      const produced = plan.files.filter((f) => f.path !== `sources/${name}.txt`);
      const expectedDir = path.join(CASES, name, 'expected');
      if (update) {
        fs.rmSync(expectedDir, { recursive: true, force: true });
        for (const f of produced) {
          fs.mkdirSync(path.dirname(path.join(expectedDir, f.path)), { recursive: true });
          fs.writeFileSync(path.join(expectedDir, f.path), f.content);
        }
      }
      expect(produced.map((f) => f.path).sort()).toEqual(filesUnder(expectedDir));
      for (const f of produced) expect(f.content, f.path).toBe(fs.readFileSync(path.join(expectedDir, f.path), 'utf8'));
      expect(plan.files.find((f) => f.path === `sources/${name}.txt`)?.content).toBe(input);
    });
  }

  it('gives the same bytes for the same input', () => {
    const input = fs.readFileSync(path.join(CASES, 'news-page', 'input.txt'), 'utf8');
    expect(planIngest(input, { id: 'a' })).toEqual(planIngest(input, { id: 'a' }));
  });
});
