import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { contentDir } from './lib/content-dir.ts';
import { sectionSchema } from './schemas/section.ts';
import { entitySchema } from './schemas/entity.ts';
import { sourceSchema } from './schemas/source.ts';

// The schemas are plain zod modules (src/schemas/), shared with the pre-build content check
// (src/integrations/content-check.ts), which has already reported every problem by file and field.
const dir = contentDir();

const sections = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: `${dir}/sections` }),
  schema: sectionSchema,
});

const entities = defineCollection({
  loader: glob({ pattern: '*.yaml', base: `${dir}/entities` }),
  schema: entitySchema,
});

const sources = defineCollection({
  loader: glob({ pattern: '*.yaml', base: `${dir}/sources` }),
  schema: sourceSchema,
});

export const collections = { sections, entities, sources };
