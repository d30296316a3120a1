// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import rehypeSlug from 'rehype-slug';
import remarkAnchors from './src/markdown/anchors.ts';
import remarkRepairs from './src/markdown/repairs.ts';
import remarkEntityLinks from './src/markdown/entity-links.ts';
import remarkRecordAnalysis from './src/markdown/record-analysis.ts';
import contentCheck from './src/integrations/content-check.ts';
import searchIndex from './src/integrations/search-index.ts';
import deepLinks from './src/integrations/deep-links.ts';

// The site URL is optional: set SITE_URL to get absolute URLs in sitemap.xml and citations.
// Every link inside pages is relative, so the same dist/ works at any path and from file://.
const site = process.env.SITE_URL || undefined;
// SITE_OUT_DIR builds somewhere other than dist/ (tests, benchmarks, parallel builds); each
// output folder then gets its own cache so concurrent builds never share state.
const outDir = process.env.SITE_OUT_DIR || undefined;
const outputDirs = outDir ? { outDir, cacheDir: `${outDir.replace(/\/+$/, '')}.cache` } : {};

export default defineConfig({
  ...(site ? { site } : {}),
  ...outputDirs,
  trailingSlash: 'ignore',
  build: {
    format: 'file',
    // Inline CSS so no page needs an absolute /_astro/ stylesheet URL (file:// and sub-paths).
    inlineStylesheets: 'always',
  },
  devToolbar: { enabled: false },
  markdown: {
    // Sätteri (the default) runs no plugins and rewrites quotes: the text must stay verbatim.
    processor: unified({
      // Order matters: anchors first (ids), then repairs (editorial insertions), then entity links,
      // which keep out of headings, links and the insertions; last, the link graph's record of
      // that tree (src/markdown/record-analysis.ts), so the graph needs no second parse.
      remarkPlugins: [remarkGfm, remarkAnchors, remarkRepairs, remarkEntityLinks, remarkRecordAnalysis],
      rehypePlugins: [rehypeSlug],
      smartypants: false,
    }),
  },
  integrations: [contentCheck(), mdx(), searchIndex(), deepLinks()],
});
