import type { AstroPrerenderer } from 'astro';
import { prerenderedPagePath } from '../lib/urls.ts';
import type { SitePass } from './handle.ts';

/** The route of section pages: the only pages Pagefind indexes. */
export const SECTION_ROUTE = 'src/pages/[topic]/[slug].astro';
/** The route of source-text pages, which grow with their text. */
export const SOURCE_ROUTE = 'src/pages/sources/[id].astro';

/**
 * Astro's own prerenderer with two changes, both for the site pass (handle.ts):
 * - section pages render first (after the source-text pages), so Pagefind can write its index
 *   while the other pages (link previews, entities, topic lists) render, instead of after them
 *   all. The source-text pages, tens of MB for a large text, go before the sections, so their
 *   memory and Pagefind's writing (~0.8 GB at 5,000 sections) never add up. Every page is still
 *   rendered once, from the same route and props, so the output is the same;
 * - each HTML page, once rendered, goes to the site pass (a byte copy on this thread), which
 *   reads it in its worker for search and the link checks.
 * Set with `setPrerenderer` at `astro:build:start` (src/integrations/built-site.ts).
 */
export function sitePassPrerenderer(base: AstroPrerenderer, pass: SitePass): AstroPrerenderer {
  return {
    name: 'site-pass',
    setup: () => base.setup?.() ?? Promise.resolve(),
    async getStaticPaths() {
      const paths = await base.getStaticPaths();
      const of = (component: string) => paths.filter((p) => p.route.component === component);
      const sections = of(SECTION_ROUTE);
      pass.order(sections.map((p) => prerenderedPagePath(p.pathname)));
      return [...of(SOURCE_ROUTE), ...sections, ...paths.filter((p) => p.route.component !== SECTION_ROUTE && p.route.component !== SOURCE_ROUTE)];
    },
    async render(request, options) {
      const rendered = await base.render(request, options);
      const response = rendered instanceof Response ? rendered : rendered.response;
      if (!response.headers.get('content-type')?.startsWith('text/html')) return rendered;
      // Bytes, not text: the worker decodes them, so this thread neither decodes nor re-encodes the page.
      const bytes = new Uint8Array(await response.arrayBuffer());
      pass.page(prerenderedPagePath(new URL(request.url).pathname), bytes);
      const copy = new Response(bytes, { status: response.status, statusText: response.statusText, headers: response.headers });
      return rendered instanceof Response ? copy : { ...rendered, response: copy };
    },
    ...(base.collectStaticImages ? { collectStaticImages: () => base.collectStaticImages?.() ?? Promise.resolve(new Map()) } : {}),
    teardown: () => base.teardown?.() ?? Promise.resolve(),
  };
}
