import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, tempBuildRoot } from '../helpers/temp-build.ts';

const root = path.resolve(import.meta.dirname, '../..');

describe('a build with bad content', () => {
  it('fails and lists every problem by file and field', () => {
    const parent = tempBuildRoot('bad-content');
    try {
      const content = path.join(parent, 'content');
      fs.cpSync(path.join(root, 'content'), content, { recursive: true });
      const edit = (file: string, from: string | RegExp, to: string) => {
        const target = path.join(content, file);
        fs.writeFileSync(target, fs.readFileSync(target, 'utf8').replace(from, to));
      };
      edit('sections/nato-stance/mh17.mdx', /^summary:/m, 'sumary:');
      edit('sections/history/revolution-and-recognition.mdx', "start: '1917'", "start: '1917-02-30'");
      edit('entities/nato.yaml', 'kind: organisation', 'kind: alliance');
      const { status, output } = buildSite(path.join(parent, 'dist'), { SITE_CONTENT_DIR: content });
      expect(status).not.toBe(0);
      expect(output).toContain('4 problems in 3 content files');
      expect(output).toContain('content/sections/nato-stance/mh17.mdx');
      expect(output).toContain('did you mean "summary"?');
      expect(output).toContain('period.start: expected a real date');
      expect(output).toContain('content/entities/nato.yaml');
      expect(fs.existsSync(path.join(parent, 'dist', 'index.html'))).toBe(false);
    } finally {
      fs.rmSync(parent, { recursive: true, force: true });
    }
  });
});
