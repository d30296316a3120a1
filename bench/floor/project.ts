/**
 * The floor: a bare Astro 7 + MDX site over the same content, with the `unified()` processor and
 * the two plugins we must run (remark-gfm, rehype-slug) and nothing of ours. Building it beside
 * the real site, on the same machine at the same moment, tells our overhead apart from Astro's
 * own cost even when the machine is busy (issue 8: "overhead above the floor is ours").
 */
import fs from 'node:fs';
import path from 'node:path';

const CONFIG = `import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import rehypeSlug from 'rehype-slug';
export default defineConfig({
  outDir: process.env.SITE_OUT_DIR,
  cacheDir: process.env.SITE_OUT_DIR + '.cache',
  // Vite's own cache (its optimised dependencies) beside it: by default it is node_modules/.vite,
  // which the linked node_modules shares with our site, whose next build then optimised its
  // dependencies again ("vite config has changed", ~3 s on the warm build measured after the floor).
  vite: { cacheDir: process.env.SITE_OUT_DIR + '.vite' },
  build: { format: 'file', inlineStylesheets: 'always' },
  devToolbar: { enabled: false },
  markdown: { processor: unified({ remarkPlugins: [remarkGfm], rehypePlugins: [rehypeSlug], smartypants: false }) },
  integrations: [mdx()],
});
`;

const COLLECTIONS = `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
const sections = defineCollection({ loader: glob({ pattern: '**/*.mdx', base: process.env.SITE_CONTENT_DIR + '/sections' }) });
export const collections = { sections };
`;

const PAGE = `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  return (await getCollection('sections')).map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<!doctype html>
<html lang="en"><head><meta charset="utf-8" /><title>{String(entry.data.title)}</title></head>
<body><main><h1>{String(entry.data.title)}</h1><Content /></main></body></html>
`;

/** Writes the bare project into `dir` (node_modules linked from `root`) and returns `dir`. */
export function writeFloorProject(dir: string, root: string): string {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'src', 'pages'), { recursive: true });
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
  fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ name: 'bench-floor', private: true, type: 'module', scripts: { build: 'ASTRO_TELEMETRY_DISABLED=1 astro build' } }, null, 2)}\n`);
  fs.writeFileSync(path.join(dir, 'astro.config.mjs'), CONFIG);
  fs.writeFileSync(path.join(dir, 'src', 'content.config.ts'), COLLECTIONS);
  fs.writeFileSync(path.join(dir, 'src', 'pages', '[...slug].astro'), PAGE);
  return dir;
}
