import fs from 'node:fs';
import path from 'node:path';
import { siteSchema, type SiteSettings } from '../schemas/site.ts';
import { parseYaml } from './frontmatter.ts';

/** The file of a reference's own settings, in its content folder. */
export const SITE_FILE = 'site.yaml';

/**
 * `<dir>/site.yaml` parsed with its schema, or the defaults when it is absent or not valid (the
 * content check reports an invalid one by field; this reader only serves code that runs after it).
 */
export function readSiteSettings(dir: string): SiteSettings {
  const file = path.join(dir, SITE_FILE);
  if (!fs.existsSync(file)) return siteSchema.parse({});
  const parsed = parseYaml(fs.readFileSync(file, 'utf8'));
  const result = parsed.ok ? siteSchema.safeParse(parsed.data) : undefined;
  return result?.success ? result.data : siteSchema.parse({});
}
