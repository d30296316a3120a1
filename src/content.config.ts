import { defineCollection } from 'astro:content';
import { entitiesLoader, sectionsLoader, siteLoader, sourcesLoader } from './content/loaders.ts';
import { contentDir } from './lib/content-dir.ts';
import { entitySchema } from './schemas/entity.ts';
import { sectionSchema } from './schemas/section.ts';
import { siteSchema } from './schemas/site.ts';
import { sourceSchema } from './schemas/source.ts';

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
