/**
 * Parsed YAML kept between builds, in a file of the build's own cache folder: a warm build of a
 * folder whose files did not change parses none of them again (YAML parsing is most of the content
 * check: ~3 s of CPU at 1,000 sections).
 *
 * Keyed by a hash of the text, so an edited file is simply parsed again. Only successful parses
 * are kept (a broken file is parsed each time, for its report). Stored with v8's serializer, which
 * keeps every value YAML can give (Infinity, NaN, -0) as it was; a missing, corrupt or foreign file
 * counts as empty.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { writeFileAtomic } from '../lib/atomic-file.ts';
import { parseYaml, type YamlParser } from './frontmatter.ts';

const FILE = 'parsed-yaml.v8';
const VERSION = 1;

export interface YamlCache {
  parse: YamlParser;
  /** Writes the parses used since the cache was opened (dropping the others), if any was new. */
  save(): void;
}

export function openYamlCache(cacheDir: string): YamlCache {
  const file = path.join(cacheDir, FILE);
  const kept = read(file);
  const used = new Map<string, unknown>();
  let fresh = false;
  return {
    parse(text, lineOffset = 0) {
      const key = `${lineOffset}:${crypto.createHash('sha1').update(text).digest('hex')}`;
      if (kept.has(key)) {
        const data = kept.get(key);
        used.set(key, data);
        return { ok: true, data };
      }
      const parsed = parseYaml(text, lineOffset);
      if (parsed.ok) {
        used.set(key, parsed.data);
        fresh = true;
      }
      return parsed;
    },
    save() {
      if (!fresh && used.size === kept.size) return;
      writeFileAtomic(file, v8.serialize({ version: VERSION, entries: used }));
    },
  };
}

function read(file: string): Map<string, unknown> {
  try {
    const stored = v8.deserialize(fs.readFileSync(file)) as { version?: unknown; entries?: unknown };
    return stored.version === VERSION && stored.entries instanceof Map ? (stored.entries as Map<string, unknown>) : new Map();
  } catch {
    return new Map();
  }
}
