import { defineCollection } from 'astro:content';
import { createRequire } from 'node:module';
import { contentDir } from './lib/content-dir.ts';
import { entitySchema } from './schemas/entity.ts';
import { sectionSchema } from './schemas/section.ts';
import { siteSchema } from './schemas/site.ts';
import { sourceSchema } from './schemas/source.ts';

// The loaders and the ~40 modules they use (validation, the section renderer) are loaded by Node
// itself, which strips their types, rather than through Vite's module runner, which transformed
// each with a source map on every build and sync (~0.4 s of every build). They use no Vite or
// Astro virtual module; the render pool's workers load the renderer the same way.
const { entitiesLoader, sectionsLoader, siteLoader, sourcesLoader } = createRequire(import.meta.url)('./content/loaders.ts') as typeof import('./content/loaders.ts');

// One content folder ($SITE_CONTENT_DIR or content/), read by the project's own loaders
// (src/content/loaders.ts): they validate the whole folder with the schemas in src/schemas/ and
// fail the build with one report naming every file and field; sections are stored rendered.
// The schemas here give the collections their types.
const dir = contentDir();

export const collections = {
  sections: defineCollection({ loader: sectionsLoader(dir), schema: sectionSchema }),
  entities: defineCollection({ loader: entitiesLoader(dir), schema: entitySchema }),
  sources: defineCollection({ loader: sourcesLoader(dir), schema: sourceSchema }),
  site: defineCollection({ loader: siteLoader(dir), schema: siteSchema }),
};
