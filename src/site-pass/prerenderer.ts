import type { AstroPrerenderer } from 'astro';
import { prerenderedPagePath, type PagePath } from '../lib/urls.ts';
import type { SitePass } from './handle.ts';
import { canonicalOrder, readKeys, recordKeys, renderOrder } from './render-order.ts';

/**
 * Astro's prerenderer, set with the documented `setPrerenderer` hook at `astro:build:start`
 * (src/integrations/built-site.ts), with two changes: the static paths come in the order of
 * render-order.ts (after an edit, what changed first and the source pages among it last), and the
 * site pass learns the canonical order (Pagefind's page order, the same whatever renders first);
 * and each HTML page, once rendered, also goes to the site pass (handle.ts), which reads it in a
 * worker thread for search and the link checks while the next pages render. Every other method is
 * the base prerenderer's own, forwarded whatever it is, so a method Astro adds later keeps
 * working. Pages an incremental build reuses are not rendered, so the pass reads them from the
 * output folder at the end.
 *
 * @param keysFile where each path's `cacheKey` is recorded for the next build's order; none: canonical order
 */
export function sitePassPrerenderer(base: AstroPrerenderer, pass: SitePass, keysFile?: string): AstroPrerenderer {
  const wrapped: AstroPrerenderer = Object.create(base) as AstroPrerenderer;
  return Object.assign(wrapped, {
    name: 'site-pass',
    async getStaticPaths() {
      const given = await base.getStaticPaths();
      // The order Pagefind adds pages in, so its index is the same whatever renders first.
      // Pages only: an endpoint (robots.txt, the sitemap) is never an HTML page the pass is given,
      // so Pagefind would wait for it until the end and write its index after the last page.
      const pages = canonicalOrder(given).filter((p) => p.route.type === 'page');
      // And each page's cacheKey: a page Astro restores under the key its stored result was read with is not read again.
      pass.order(pages.map((p) => prerenderedPagePath(p.pathname)), pages.flatMap((p) => (typeof p.cacheKey === 'string' ? [[prerenderedPagePath(p.pathname), p.cacheKey] as [PagePath, string]] : [])));
      if (keysFile === undefined) return renderOrder(given);
      const order = renderOrder(given, readKeys(keysFile));
      recordKeys(keysFile, given);
      return order;
    },
    async render(request: Request, options: Parameters<AstroPrerenderer['render']>[1]) {
      const rendered = await base.render(request, options);
      const response = rendered instanceof Response ? rendered : rendered.response;
      if (!response.headers.get('content-type')?.startsWith('text/html')) return rendered;
      if (!response.body) return rendered;
      // Bytes, not text: the worker decodes them, so this thread neither decodes nor re-encodes the page.
      const bytes = await readBody(response.body);
      pass.page(prerenderedPagePath(new URL(request.url).pathname), bytes);
      const copy = new Response(oneChunk(bytes), { status: response.status, statusText: response.statusText, headers: response.headers });
      return rendered instanceof Response ? copy : { ...rendered, response: copy };
    },
  });
}

/**
 * The body's chunks joined once. `Response.arrayBuffer()` and a `Response` made from the bytes
 * each copied the page again through undici (three copies of a 58 MB source page, ~1.5 s).
 */
async function readBody(body: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of body) {
    chunks.push(chunk);
    length += chunk.byteLength;
  }
  return chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks, length);
}

/** A body that hands Astro the page's bytes as they are, in one chunk. */
function oneChunk(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}
