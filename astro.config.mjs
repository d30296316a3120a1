// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { processorOptions } from './src/markdown/processor-options.ts';
import builtSite from './src/integrations/built-site.ts';
import { buildDirs } from './src/lib/build-dirs.ts';

// The site URL is optional: set SITE_URL to get absolute URLs in sitemap.xml and citations.
// Every link inside pages is relative, so the same dist/ works at any path and from file://.
const site = process.env.SITE_URL || undefined;

// Where this build writes, and its cache: one cache per content folder and output folder, so a
// build never sees state left by a build of another folder (src/lib/build-dirs.ts).
const { outDir, cacheDir } = buildDirs();

export default defineConfig({
  ...(site ? { site } : {}),
  outDir,
  cacheDir,
  trailingSlash: 'ignore',
  build: {
    format: 'file',
    // Inline CSS so no page needs an absolute /_astro/ stylesheet URL (file:// and sub-paths).
    inlineStylesheets: 'always',
    concurrency: 4,
  },
  experimental: {
    // Pages whose cacheKey (src/lib/page-keys.ts) and code are unchanged are reused from the cache.
    incrementalBuild: true,
  },
  devToolbar: { enabled: false },
  markdown: {
    // No syntax highlighter: the site's own MDX pages show no code in colour (a code block stays a
    // plain <pre><code>, legible in dark mode and print), and loading Shiki's grammar engine cost
    // every build about 0.1 s whether a page had code or not.
    syntaxHighlight: false,
    // Sätteri (the default) runs no plugins and rewrites quotes: the text must stay verbatim.
    // Sections are rendered by their content loader (src/content/loaders.ts); this processor
    // serves the site's own MDX pages.
    processor: unified(processorOptions()),
  },
  integrations: [mdx(), builtSite()],
});
