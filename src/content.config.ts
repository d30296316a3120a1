import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { reportingLoader } from './content/check-in-worker.ts';
import { contentDir } from './lib/content-dir.ts';
import { sectionSchema } from './schemas/section.ts';
import { entitySchema } from './schemas/entity.ts';
import { sourceSchema } from './schemas/source.ts';

// The schemas are plain zod modules (src/schemas/), shared with the content check
// (src/integrations/content-check.ts), which reports every problem by file and field. In a build it
// runs beside this sync; a loader that fails waits for it and throws its report (reportingLoader).
const dir = contentDir();

const sections = defineCollection({
  loader: reportingLoader(glob({ pattern: '**/*.mdx', base: `${dir}/sections` })),
  schema: sectionSchema,
});

const entities = defineCollection({
  loader: reportingLoader(glob({ pattern: '*.yaml', base: `${dir}/entities` })),
  schema: entitySchema,
});

const sources = defineCollection({
  loader: reportingLoader(glob({ pattern: '*.yaml', base: `${dir}/sources` })),
  schema: sourceSchema,
});

export const collections = { sections, entities, sources };
