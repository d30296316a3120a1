import path from 'node:path';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { analyseTree, type SectionAnalysis } from './analyse-section.ts';
import { sectionPagePathOf } from './page-path.ts';
import { frontmatterOf, parseRepairs } from './repairs.ts';

/**
 * Records what the link graph needs (paragraphs, first mentions, repair marks, links) while the
 * build compiles a section, so the graph does not parse every body a second time.
 *
 * Runs last among our remark plugins, on the tree the page renders: after anchors, repairs and
 * entity links. `astro build` compiles every MDX file and then renders the pages in the same
 * process, so the record is kept in a process-wide map ({@link recordedAnalysis} reads it). It
 * is not passed through the compiled module (`remarkPluginFrontmatter`): that copies every
 * paragraph's text into the bundle, which measured up to +0.4 GB peak memory at 1,000 sections
 * for the same time saved. A record is used only for the exact body and repairs it was made from; anything
 * else (dev mode before a page is compiled, a cached module) is parsed again by the caller.
 */
export default function remarkRecordAnalysis() {
  return (tree: Root, file: VFile) => {
    if (!sectionPagePathOf(file.path)) return;
    records().set(path.resolve(file.path), {
      body: String(file.value).trim(),
      repairs: repairsKey(frontmatterOf(file)?.['repairs']),
      analysis: analyseTree(tree),
    });
  };
}

/** What one compile recorded: plain data, so an MDX worker can send it to the main thread. */
export interface Recorded {
  /** The body compiled, trimmed as Astro trims an entry's `body`. */
  body: string;
  /** The repairs applied, as {@link repairsKey}. */
  repairs: string;
  analysis: SectionAnalysis;
}

/** Shared through `globalThis`: the config's copy of this module and the pages' copy are two module instances. */
const RECORDS = Symbol.for('russia-us-reference.section-analyses');

function records(): Map<string, Recorded> {
  const holder = globalThis as typeof globalThis & { [RECORDS]?: Map<string, Recorded> };
  return (holder[RECORDS] ??= new Map());
}

/** The repairs as the repairs plugin applies them (none when invalid), in a comparable form. */
function repairsKey(raw: unknown): string {
  const parsed = parseRepairs(raw);
  return parsed.success ? JSON.stringify(parsed.data) : 'invalid';
}

/**
 * The analysis recorded when this process compiled `filePath`, if it compiled exactly `body`
 * (the entry's trimmed body) with exactly these repairs; otherwise undefined.
 */
export function recordedAnalysis(filePath: string, body: string, repairs: unknown): SectionAnalysis | undefined {
  const recorded = records().get(path.resolve(filePath));
  if (!recorded || recorded.body !== body.trim() || recorded.repairs !== repairsKey(repairs)) return undefined;
  return recorded.analysis;
}

/**
 * Removes and returns what this thread recorded for `filePath`: an MDX worker (`mdx-workers.ts`)
 * sends it back with the compiled code, and {@link keepRecord} stores it in the main thread.
 */
export function takeRecord(filePath: string): Recorded | undefined {
  const key = path.resolve(filePath);
  const recorded = records().get(key);
  records().delete(key);
  return recorded;
}

/** Stores a record made in another thread, as if this thread had compiled `filePath`. */
export function keepRecord(filePath: string, recorded: Recorded): void {
  records().set(path.resolve(filePath), recorded);
}
