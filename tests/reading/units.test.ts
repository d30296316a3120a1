/** The pure parts of the reading aids: contents entries and the preview data script. */
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { MarkdownHeading } from 'astro';
import { sectionToc } from '../../src/lib/toc.ts';
import { previewScript, PREVIEWS_GLOBAL, type Preview } from '../../src/lib/previews.ts';
import type { RelativeUrl } from '../../src/lib/urls.ts';

describe('sectionToc', () => {
  const headings: MarkdownHeading[] = [
    { depth: 1, slug: 'title', text: 'Title' },
    { depth: 2, slug: 'first', text: 'First part #' },
    { depth: 3, slug: 'detail', text: 'A detail' },
    { depth: 4, slug: 'too-deep', text: 'Too deep' },
  ];

  it('puts the text first, its h2 and h3 under it without the self-link mark, then the parts after', () => {
    expect(sectionToc('text', headings, [{ id: 'source-heading', text: 'Source', depth: 1 }])).toEqual([
      { id: 'text', text: 'Text', depth: 1 },
      { id: 'first', text: 'First part', depth: 2 },
      { id: 'detail', text: 'A detail', depth: 3 },
      { id: 'source-heading', text: 'Source', depth: 1 },
    ]);
  });
});

describe('previewScript', () => {
  it('sets the global previews.js reads, to rows that survive any characters in the text', () => {
    const tricky: Preview = {
      href: '../entities/x.html' as RelativeUrl,
      kind: 'treaty',
      title: 'A "quoted" </script> title',
      summary: 'Line\u2028separator, backslash \\ and emoji 🛰️.',
    };
    const sandbox: Record<string, unknown> = {};
    sandbox.self = sandbox;
    vm.runInNewContext(previewScript([tricky]), sandbox);
    expect(sandbox[PREVIEWS_GLOBAL]).toEqual([[tricky.href, tricky.kind, tricky.title, tricky.summary]]);
  });
});
