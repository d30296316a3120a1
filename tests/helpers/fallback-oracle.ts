/**
 * The search fallback index as it was first written, on a DOM (cheerio): the reference the
 * streaming reader in src/search/fallback-index.ts is checked against
 * (tests/offline/fallback-index.test.ts), on built pages and on random HTML.
 */
import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { EXCLUDED_SELECTORS, words, type FallbackPage, type FallbackSegment } from '../../src/search/fallback-index.ts';

export function indexPageOnDom(html: string, url: string): FallbackPage | null {
  // htmlparser2 (cheerio's `xml: { xmlMode: false }`) is several times faster than parse5 here, and
  // our own built pages need no error recovery. The document is ours alone, so edit it in place.
  const $ = cheerio.load(html, { xml: { xmlMode: false, decodeEntities: true } });
  const root = $('[data-pagefind-body]').first();
  if (root.length === 0) return null;
  root.find(EXCLUDED_SELECTORS.join(',')).remove();
  const title = collapse(root.find('h1').first().text()) || collapse($('title').text());
  const summary = collapse($('meta[name="description"]').attr('content') ?? '');

  const segments: { anchor: string; title: string; text: string[] }[] = [{ anchor: '', title, text: [] }];
  const walk = (node: AnyNode): void => {
    if (node.type === 'text') {
      segments[segments.length - 1]?.text.push(node.data);
      return;
    }
    if (node.type !== 'tag') return;
    const element = node as Element;
    if (/^h[2-6]$/.test(element.name) && element.attribs['id']) {
      const heading = collapse($(element).text());
      segments.push({ anchor: element.attribs['id'], title: heading, text: [heading] });
      return;
    }
    // Block boundaries separate words that the markup alone would join ("end.<p>Start").
    segments[segments.length - 1]?.text.push(' ');
    for (const child of element.children) walk(child);
    segments[segments.length - 1]?.text.push(' ');
  };
  for (const child of root.children().toArray()) walk(child);

  const h: FallbackSegment[] = segments
    .map((s): FallbackSegment => [s.anchor, s.title, [...new Set(words(s.text.join('')))].join(' ')])
    .filter(([anchor, , w]) => anchor !== '' || w !== '');
  return { t: title, u: url, s: summary, h };
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
