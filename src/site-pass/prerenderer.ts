import type { AstroPrerenderer } from 'astro';
import { prerenderedPagePath } from '../lib/urls.ts';
import type { SitePass } from './handle.ts';

/**
 * Astro's prerenderer, set with the documented `setPrerenderer` hook at `astro:build:start`
 * (src/integrations/built-site.ts), with two changes: the site pass learns the order of the static
 * paths (Pagefind's page order); and each HTML page, once rendered, also goes to
 * the site pass (handle.ts), which reads it in a worker thread for search and the link checks
 * while the next pages render. Every other method is the base prerenderer's own, forwarded
 * whatever it is, so a method Astro adds later keeps working. Pages an incremental build reuses
 * are not rendered, so the pass reads them from the output folder at the end.
 */
export function sitePassPrerenderer(base: AstroPrerenderer, pass: SitePass): AstroPrerenderer {
  const wrapped: AstroPrerenderer = Object.create(base) as AstroPrerenderer;
  return Object.assign(wrapped, {
    name: 'site-pass',
    async getStaticPaths() {
      const paths = await base.getStaticPaths();
      // The order Pagefind adds pages in, so its index is the same whatever renders first.
      // Pages only: an endpoint (robots.txt, the sitemap) is never an HTML page the pass is given,
      // so Pagefind would wait for it until the end and write its index after the last page.
      pass.order(paths.filter((p) => p.route.type === 'page').map((p) => prerenderedPagePath(p.pathname)));
      return paths;
    },
    async render(request: Request, options: Parameters<AstroPrerenderer['render']>[1]) {
      const rendered = await base.render(request, options);
      const response = rendered instanceof Response ? rendered : rendered.response;
      if (!response.headers.get('content-type')?.startsWith('text/html')) return rendered;
      // Bytes, not text: the worker decodes them, so this thread neither decodes nor re-encodes the page.
      const bytes = new Uint8Array(await response.arrayBuffer());
      pass.page(prerenderedPagePath(new URL(request.url).pathname), bytes);
      const copy = new Response(bytes, { status: response.status, statusText: response.statusText, headers: response.headers });
      return rendered instanceof Response ? copy : { ...rendered, response: copy };
    },
  });
}
