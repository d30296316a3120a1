import remarkGfm from 'remark-gfm';
import rehypeSlug from 'rehype-slug';

/**
 * The options of the site's `unified()` Markdown processor (astro.config.mjs), used by
 * `@astrojs/mdx` for the site's own MDX pages (src/pages/*.mdx). Sections are not compiled by it:
 * the sections loader renders them (src/markdown/render-section.ts) with the same remark-gfm and
 * rehype-slug plus the anchors, repairs and entity-link plugins. `smartypants: false`: the default
 * processor rewrites quotes and dashes, and text must stay as written.
 */
export function processorOptions() {
  return {
    remarkPlugins: [remarkGfm],
    rehypePlugins: [rehypeSlug],
    smartypants: false,
  };
}
