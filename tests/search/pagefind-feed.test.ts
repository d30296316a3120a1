/**
 * Pagefind numbers pages in the order they are added, so the feed adds them in one fixed order
 * whatever order they render in (src/search/pagefind-feed.ts). A stand-in index records the calls.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import type { PagefindIndex } from 'pagefind';
import { describe, expect, it } from 'vitest';
import type { PagePath } from '../../src/lib/urls.ts';
import { createPagefindFeed, feedPage as feedInput, finishPagefindFeed, holdPagefindFeed, htmlInput, setFeedOrder, type PagefindFeed } from '../../src/search/pagefind-feed.ts';

/** Gives the feed a page whose Pagefind input is `html`. */
const feedPage = (feed: PagefindFeed, page: PagePath, html: string) => feedInput(feed, page, htmlInput(html));

function standInFeed(outDir?: string): { feed: PagefindFeed; added: string[]; written: string[] } {
  const added: string[] = [];
  const written: string[] = [];
  const index = {
    addHTMLFile: async (file: { sourcePath?: string }) => {
      added.push(file.sourcePath ?? '');
      return { errors: [], file: {} };
    },
    writeFiles: async ({ outputPath }: { outputPath: string }) => {
      fs.mkdirSync(outputPath, { recursive: true });
      fs.writeFileSync(path.join(outputPath, 'pagefind.js'), '');
      fs.writeFileSync(path.join(outputPath, 'pagefind-ui.js'), '');
      written.push(outputPath);
      return { errors: [], outputPath };
    },
  } as unknown as PagefindIndex;
  return { feed: createPagefindFeed(outDir, Promise.resolve(index)), added, written };
}

const pages = (n: number) => Array.from({ length: n }, (_, i) => `t/p${String(i).padStart(3, '0')}.html` as PagePath);

describe('Pagefind feed', () => {
  it('adds pages in the render order it was given, whatever order they arrive in', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 40 }).chain((n) => fc.tuple(fc.constant(pages(n)), fc.shuffledSubarray(pages(n), { minLength: n }))), async ([order, arrival]) => {
        const { feed, added } = standInFeed();
        setFeedOrder(feed, order);
        for (const page of arrival) feedPage(feed, page, `<html>${page}</html>`);
        await Promise.all(feed.sent);
        expect(added).toEqual(order);
      }),
    );
  });

  it('sends a page as soon as every page before it has come, not at the end', async () => {
    const { feed, added } = standInFeed();
    setFeedOrder(feed, pages(3));
    feedPage(feed, pages(3)[1] as PagePath, 'b');
    await Promise.all(feed.sent);
    expect(added).toEqual([]);
    feedPage(feed, pages(3)[0] as PagePath, 'a');
    await Promise.all(feed.sent);
    expect(added).toEqual(pages(2));
  });

  it('adds pages outside the order, and any still waiting, when it finishes: in order, then by path', async () => {
    const { feed, added, written } = standInFeed();
    setFeedOrder(feed, pages(3));
    feedPage(feed, 'z/late.html' as PagePath, 'z');
    feedPage(feed, 'a/early.html' as PagePath, 'a');
    feedPage(feed, pages(3)[2] as PagePath, 'c');
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'feed-'));
    const finished = await finishPagefindFeed(feed, out);
    expect(finished.pages).toBe(3);
    expect(finished.writtenEarly).toBe(false);
    expect(added).toEqual([pages(3)[2], 'a/early.html', 'z/late.html']);
    expect(written).toEqual([path.join(out, 'pagefind')]);
    expect(fs.readdirSync(path.join(out, 'pagefind'))).toEqual(['pagefind.js']);
    fs.rmSync(out, { recursive: true, force: true });
  });

  it('keeps the first order it is told', () => {
    const { feed } = standInFeed();
    setFeedOrder(feed, pages(2));
    setFeedOrder(feed, pages(5));
    expect(feed.order).toEqual(pages(2));
  });

  it('writes the index as soon as the last page of the order is in, and not again when nothing came after', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'feed-'));
    const { feed, added, written } = standInFeed(out);
    setFeedOrder(feed, pages(3));
    feedPage(feed, pages(3)[2] as PagePath, 'c');
    feedPage(feed, pages(3)[0] as PagePath, 'a');
    expect(feed.early).toBeUndefined();
    feedPage(feed, pages(3)[1] as PagePath, 'b');
    await feed.early?.written;
    expect(written).toEqual([path.join(out, 'pagefind')]);
    const finished = await finishPagefindFeed(feed, out);
    expect(finished).toMatchObject({ pages: 3, writtenEarly: true });
    expect(added).toEqual(pages(3));
    expect(written).toHaveLength(1);
    fs.rmSync(out, { recursive: true, force: true });
  });

  it('writes afresh when a page comes after the early write, leaving none of the first files', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'feed-'));
    const { feed, added, written } = standInFeed(out);
    setFeedOrder(feed, pages(1));
    feedPage(feed, pages(1)[0] as PagePath, 'a');
    await feed.early?.written;
    fs.writeFileSync(path.join(out, 'pagefind', 'stale.pf_fragment'), '');
    feedPage(feed, 'z/late.html' as PagePath, 'z');
    const finished = await finishPagefindFeed(feed, out);
    expect(finished).toMatchObject({ pages: 2, writtenEarly: false });
    expect(added).toEqual([pages(1)[0], 'z/late.html']);
    expect(written).toHaveLength(2);
    expect(fs.readdirSync(path.join(out, 'pagefind'))).toEqual(['pagefind.js']);
    fs.rmSync(out, { recursive: true, force: true });
  });

  it('holds pages once told to, and adds none of them when the output is restored for the same input', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'feed-'));
    const run = async (htmls: string[], restorable: string | undefined) => {
      const { feed, added, written } = standInFeed(out);
      setFeedOrder(feed, pages(3));
      feedPage(feed, pages(3)[0] as PagePath, htmls[0] ?? '');
      await Promise.all(feed.sent);
      holdPagefindFeed(feed);
      feedPage(feed, pages(3)[2] as PagePath, htmls[2] ?? '');
      feedPage(feed, pages(3)[1] as PagePath, htmls[1] ?? '');
      expect(feed.early).toBeUndefined();
      await Promise.all(feed.sent);
      expect(added).toEqual([pages(3)[0]]);
      const asked: string[] = [];
      const finished = await finishPagefindFeed(feed, out, (input) => {
        asked.push(input);
        return input === restorable;
      });
      expect(asked).toEqual([finished.input]);
      return { finished, added, written };
    };
    const first = await run(['a', 'b', 'c'], undefined);
    expect(first.finished).toMatchObject({ pages: 3, restored: false, writtenEarly: false });
    expect(first.added).toEqual(pages(3));
    expect(first.written).toHaveLength(1);

    const same = await run(['a', 'b', 'c'], first.finished.input);
    expect(same.finished).toMatchObject({ pages: 3, restored: true, input: first.finished.input });
    expect(same.added).toEqual([pages(3)[0]]);
    expect(same.written).toEqual([]);

    // One page's text changed: another input, so it is not restored and every page goes to Pagefind.
    const changed = await run(['a', 'b!', 'c'], first.finished.input);
    expect(changed.finished.input).not.toBe(first.finished.input);
    expect(changed.finished.restored).toBe(false);
    expect(changed.added).toEqual(pages(3));
    expect(changed.written).toHaveLength(1);
    // Text moved from one page to the next is another input too.
    expect((await run(['a', 'bc', ''], undefined)).finished.input).not.toBe((await run(['ab', 'c', ''], undefined)).finished.input);
    fs.rmSync(out, { recursive: true, force: true });
  });
});
