// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { processorOptions } from './src/markdown/processor-options.ts';
import { compileInWorkers, mdxWorkers } from './src/markdown/mdx-workers.ts';
import contentCheck from './src/integrations/content-check.ts';
import builtSite from './src/integrations/built-site.ts';

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
    concurrency: 4,
  },
  devToolbar: { enabled: false },
  markdown: {
    // Sätteri (the default) runs no plugins and rewrites quotes: the text must stay verbatim.
    // The plugins and their order: src/markdown/processor-options.ts. During a build, MDX compiles
    // in worker threads that build the same processor (src/markdown/mdx-workers.ts).
    processor: compileInWorkers(unified(processorOptions())),
  },
  integrations: [contentCheck(), mdxWorkers(), mdx(), builtSite()],
});
