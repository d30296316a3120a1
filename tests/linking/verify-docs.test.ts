import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import type { Link, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { inventoryFromLinksJson, loadInventory, resolveReference } from '../../src/linking/reference-inventory.ts';
import { remarkReferenceLinks } from '../../src/linking/reference-links.ts';
import { serveStatic } from '../helpers/browser.ts';
import { siteDir } from '../helpers/site.ts';

const projectRoot = path.resolve(import.meta.dirname, '../..');
const fixture = path.join(projectRoot, 'tests/fixtures/linking-docs');
const BASE = 'https://reference.example/ref/';
const fixtureInventory = () => inventoryFromLinksJson(JSON.parse(fs.readFileSync(path.join(fixture, 'inventory/links.json'), 'utf8')), 'fixture', BASE);

/** Runs the command without blocking this process, which may be serving the site it fetches. */
function verify(...args: string[]): Promise<{ status: number | null; lines: string[]; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', 'links:verify', '--silent', '--', ...args], { cwd: projectRoot });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, lines: stdout.trim().split('\n'), stderr }));
  });
}

describe('npm run links:verify', () => {
  it('reports each link into the reference by file and line: ok with its title, moved with the new URL, dead with why; exit 1', async () => {
    const docs = path.join('tests/fixtures/linking-docs/docs');
    const { status, lines } = await verify(docs, '--inventory', 'tests/fixtures/linking-docs/inventory/links.json', '--base', BASE);
    expect(status).toBe(1);
    expect(lines.slice(1)).toEqual([
      `${docs}/guide.md:3:5 ok    ref:history/recognition -> “Recognition, 1933”`,
      `${docs}/guide.md:3:48 ok    ref:history/recognition#p-resumed -> “Normal diplomatic relations were resumed…”`,
      `${docs}/guide.md:5:13 ok    ${BASE}entities/inf-treaty.html -> “INF Treaty”`,
      `${docs}/guide.md:7:20 moved ref:history/recognition#resumed -> ${BASE}history/recognition.html#relations-resumed “Relations resumed”. Update the link to ref:history/recognition#relations-resumed.`,
      `${docs}/nested/notes.mdx:3:43 moved ${BASE}us-policy/recognition.html -> ${BASE}history/recognition.html “Recognition, 1933”. Update the link to ${BASE}history/recognition.html.`,
      `${docs}/nested/notes.mdx:5:27 dead  ref:history/no-such-section#p-x: no page history/no-such-section.html in the reference. Fix or remove the link.`,
      `${docs}/nested/notes.mdx:9:1 dead  ${BASE}history/recognition.html#cite-heading: history/recognition.html has no published anchor "cite-heading" (only headings and paragraphs of a section body are targets; see its links.json entries). Fix or remove the link.`,
      '7 links into the reference in 2 of 3 documents: 3 ok, 2 moved, 2 dead.',
    ]);
  });

  it('reads the inventory from a served site (localhost), and exits 0 when every link lands', async () => {
    const server = await serveStatic(siteDir(), '/ref/');
    const docs = fs.mkdtempSync(path.join(os.tmpdir(), 'linking-docs-'));
    try {
      fs.writeFileSync(path.join(docs, 'a.md'), `[NATO](ref:entities/nato) and [the interruption](${server.base}history/revolution-and-recognition.html#p-interrupted).\n`);
      const good = await verify(docs, '--inventory', server.base);
      expect(good.status, good.stderr).toBe(0);
      expect(good.lines.slice(1)).toEqual([
        `${docs}/a.md:1:1 ok    ref:entities/nato -> “NATO”`,
        `${docs}/a.md:1:31 ok    ${server.base}history/revolution-and-recognition.html#p-interrupted -> “Diplomatic relations were interrupted following the Bolshevik Revolution. On December 6,President Woodrow…”`,
        '2 links into the reference in 1 of 1 documents: 2 ok, 0 moved, 0 dead.',
      ]);
      fs.writeFileSync(path.join(docs, 'b.md'), '\n\n[gone](ref:history/revolution-and-recognition#p-gone)\n');
      const dead = await verify(docs, '--inventory', server.base);
      expect(dead.status).toBe(1);
      expect(dead.lines).toContain(`${docs}/b.md:3:1 dead  ref:history/revolution-and-recognition#p-gone: history/revolution-and-recognition.html has no published anchor "p-gone" (only headings and paragraphs of a section body are targets; see its links.json entries). Fix or remove the link.`);
    } finally {
      fs.rmSync(docs, { recursive: true, force: true });
      await server.close();
    }
  });

  it('names the problem and the fix on bad usage or a bad inventory', async () => {
    expect((await verify('tests/fixtures/linking-docs/docs')).stderr).toContain('Name the inventory with --inventory.');
    expect((await verify('no/such/folder', '--inventory', 'x.json')).stderr).toContain('No folder no/such/folder');
    await expect(loadInventory(path.join(fixture, 'docs/guide.md'))).rejects.toThrow('is not JSON');
    expect(() => inventoryFromLinksJson({ version: 1, targets: [] }, 'old.json')).toThrow(/old\.json is not a links\.json this tool reads \(version 2\):\n {2}- version: /);
  });
});

describe('remarkReferenceLinks in a unified pipeline', () => {
  const pipeline = () => unified().use(remarkParse).use(remarkReferenceLinks, { inventory: fixtureInventory() });
  const run = async (markdown: string) => {
    const file = new VFile({ path: 'doc.md', value: markdown });
    const processor = pipeline();
    const tree = (await processor.run(processor.parse(file), file)) as Root;
    const urls: string[] = [];
    visit(tree, 'link', (node: Link) => void urls.push(node.url));
    return { urls, messages: file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.reason}`) };
  };

  it('rewrites ref: links to the URL of their target and leaves other links alone', async () => {
    const { urls, messages } = await run('[a](ref:history/recognition#p-resumed) [b](ref:entities/inf-treaty) [c](https://example.org/x)');
    expect(urls).toEqual([`${BASE}history/recognition.html#p-resumed`, `${BASE}entities/inf-treaty.html`, 'https://example.org/x']);
    expect(messages).toEqual([]);
  });

  it('follows a moved target to where it is now, with a warning at the link', async () => {
    const { urls, messages } = await run('Intro.\n\n[old](ref:entities/inf)');
    expect(urls).toEqual([`${BASE}entities/inf-treaty.html`]);
    expect(messages).toEqual([`3:1 moved: Moved: ref:entities/inf now lives at ${BASE}entities/inf-treaty.html (“INF Treaty”). Update the link.`]);
  });

  it('fails the file on a dead link, with its position', async () => {
    const file = new VFile({ path: 'doc.md', value: 'Fine.\n\nSee [x](ref:history/nowhere).' });
    const processor = pipeline();
    await expect(processor.run(processor.parse(file), file)).rejects.toMatchObject({
      line: 3,
      column: 5,
      ruleId: 'dead',
      reason: 'Dead link into the reference: ref:history/nowhere: no page history/nowhere.html in the reference. Fix the link, or remove it.',
    });
  });

  it('never throws on an arbitrary href, and claims only ref: links and links under the base URL', () => {
    const inventory = fixtureInventory();
    fc.assert(
      fc.property(fc.string(), (href) => {
        const resolution = resolveReference(inventory, href);
        if (!href.startsWith('ref:') && !href.startsWith(BASE)) expect(resolution).toBeNull();
        if (href.startsWith('ref:')) expect(resolution).not.toBeNull();
      }),
    );
  });
});
