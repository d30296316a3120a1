/**
 * What a page costs to load before it can be read: its HTML and every stylesheet and script it
 * references with <link> and <script> tags, gzipped one file at a time (as a server or CDN sends
 * them). Inline CSS and scripts are counted inside the HTML, and inline scripts also as JS.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import * as cheerio from 'cheerio';
import { resolveUrl, type PagePath } from '../../src/lib/urls.ts';

/** One script in a page and whether it holds up the first paint. */
export interface ScriptInfo {
  /** The site path of an external script, or `inline #n` for an inline one. */
  name: string;
  inHead: boolean;
  /** A classic script without `defer` or `async` met before the page's content: the browser stops to run it. */
  blocking: boolean;
  gzipBytes: number;
}

export interface PageWeight {
  page: string;
  /** Gzip bytes of the HTML file (inline CSS and inline scripts included). */
  htmlGzip: number;
  /** Gzip bytes of stylesheets loaded with <link rel="stylesheet"> (0 while CSS is inlined). */
  cssGzip: number;
  /** Gzip bytes of JavaScript: external scripts plus the inline scripts' text. */
  jsGzip: number;
  /** HTML + external CSS + external JS: everything fetched up front. */
  totalGzip: number;
  scripts: ScriptInfo[];
  /** URLs a page loads up front from another site: an offline copy cannot have them. */
  external: string[];
}

const gzip = (data: string | Buffer): number => gzipSync(data, { level: 9 }).length;
const NOT_JS_TYPES = new Set(['application/json', 'application/ld+json', 'importmap', 'speculationrules']);

/** The up-front weight of `page` (a path relative to `siteDir`, such as `history/x.html`). */
export function pageWeight(siteDir: string, page: string): PageWeight {
  const html = fs.readFileSync(path.join(siteDir, page));
  const $ = cheerio.load(html);
  const external: string[] = [];
  const fetch = (href: string): Buffer | undefined => {
    if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(href)) {
      external.push(href);
      return undefined;
    }
    const target = resolveUrl(page as PagePath, href).path;
    const file = path.join(siteDir, target);
    if (!fs.existsSync(file)) throw new Error(`${page} loads ${href}, which resolves to ${target}: no such file in the built site`);
    return fs.readFileSync(file);
  };

  let cssGzip = 0;
  $('link[href]').each((_, el) => {
    const rel = ($(el).attr('rel') ?? '').toLowerCase().split(/\s+/);
    if (!rel.some((r) => r === 'stylesheet' || r === 'preload' || r === 'modulepreload')) return;
    const body = fetch($(el).attr('href') ?? '');
    if (body) cssGzip += gzip(body);
  });

  // A classic script stops the parser where it stands; it delays the first paint when readable
  // content comes after it: anywhere in <head>, or in <body> before <main>.
  const all = $('*').toArray();
  const main = $('main').get(0);
  const mainAt = main ? all.indexOf(main) : all.length;
  const scripts: ScriptInfo[] = [];
  $('script').each((i, el) => {
    const $el = $(el);
    const type = ($el.attr('type') ?? '').toLowerCase();
    if (NOT_JS_TYPES.has(type)) return;
    const src = $el.attr('src');
    const body = src === undefined ? Buffer.from($el.text()) : fetch(src);
    const inHead = $el.parents('head').length > 0;
    const deferred = type === 'module' || (src !== undefined && ($el.attr('defer') !== undefined || $el.attr('async') !== undefined));
    scripts.push({
      name: src === undefined ? `inline #${i + 1}` : resolveUrl(page as PagePath, src).path,
      inHead,
      blocking: !deferred && (inHead || all.indexOf(el) < mainAt),
      gzipBytes: body ? gzip(body) : 0,
    });
  });
  const externalJs = scripts.filter((s) => !s.name.startsWith('inline')).reduce((sum, s) => sum + s.gzipBytes, 0);
  const jsGzip = scripts.reduce((sum, s) => sum + s.gzipBytes, 0);
  const htmlGzip = gzip(html);
  return { page, htmlGzip, cssGzip, jsGzip, totalGzip: htmlGzip + cssGzip + externalJs, scripts, external };
}
