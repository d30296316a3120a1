import remarkGfm from 'remark-gfm';
import rehypeSlug from 'rehype-slug';
import remarkAnchors from './anchors.ts';
import remarkRepairs from './repairs.ts';
import remarkEntityLinks from './entity-links.ts';
import remarkRecordAnalysis from './record-analysis.ts';

/**
 * The options of the build's `unified()` Markdown processor, in one place: astro.config.mjs
 * passes them to `unified()`, and each MDX worker (`mdx-worker.ts`) builds the same processor
 * from them, so a section compiles the same in a worker as in the main thread.
 *
 * Order matters: anchors first (ids), then repairs (editorial insertions), then entity links,
 * which keep out of headings, links and the insertions; last, the link graph's record of that
 * tree (`record-analysis.ts`), so the graph needs no second parse. `smartypants: false`: the
 * default processor rewrites quotes and dashes, and the text must stay verbatim.
 */
export function processorOptions() {
  return {
    remarkPlugins: [remarkGfm, remarkAnchors, remarkRepairs, remarkEntityLinks, remarkRecordAnalysis],
    rehypePlugins: [rehypeSlug],
    smartypants: false,
  };
}
