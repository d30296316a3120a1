/** Every built page passes the W3C Nu HTML checker (vnu.jar) with no error. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { siteDir, siteFiles } from '../helpers/site.ts';
import { formatMessages, javaAvailable, validateHtml } from '../helpers/vnu.ts';

const java = javaAvailable();

describe.runIf(java)('HTML validity (W3C Nu checker)', () => {
  const javaBin = java ?? 'java';

  it('finds no error in any built page', () => {
    const dir = siteDir();
    const pages = siteFiles(['.html'], dir);
    expect(pages.length).toBeGreaterThan(20);
    const errors = validateHtml(javaBin, pages.map((p) => path.join(dir, p)));
    expect(errors, `The Nu checker found errors:\n${formatMessages(errors, dir)}`).toEqual([]);
  });

  it('does report an invalid page (so the check above can fail)', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vnu-'));
    const bad = path.join(tmp, 'bad.html');
    fs.writeFileSync(bad, '<!doctype html><html lang="en"><head><title>x</title></head><body><p id="a">a</p><p id="a">b</p><div><li>c</li></div></body></html>');
    try {
      const errors = validateHtml(javaBin, [bad]);
      expect(formatMessages(errors, tmp)).toMatch(/Duplicate ID/);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
