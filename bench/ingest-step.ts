/**
 * The ingest side of the benchmark. Uses the real ingest CLI (`npm run ingest`) when
 * src/ingest/cli.ts exists; otherwise falls back to writing the generated sections directly
 * (bench/direct-content.ts) and says so in the results, so a number is never mistaken for the
 * real ingest's.
 */
import fs from 'node:fs';
import path from 'node:path';
import { writeDirectContent } from './direct-content.ts';
import type { GeneratedText } from './generate.ts';
import { runMeasured, type Measured } from './measure.ts';

export const ROOT = path.resolve(import.meta.dirname, '..');
const CLI = path.join(ROOT, 'src', 'ingest', 'cli.ts');

export type IngestMode = 'cli' | 'direct';

/** Which ingest the benchmark will use. */
export const ingestMode = (): IngestMode => (fs.existsSync(CLI) ? 'cli' : 'direct');

/**
 * Prepares `contentDir` (the seed entities, which generated text mentions, and the seed sources)
 * and ingests `textFile`
 * into it as source `sourceId`.
 */
export async function ingestInto(contentDir: string, textFile: string, generated: GeneratedText, sourceId: string, logFile: string): Promise<Measured & { mode: IngestMode }> {
  fs.rmSync(contentDir, { recursive: true, force: true });
  fs.mkdirSync(path.join(contentDir, 'sources'), { recursive: true });
  fs.cpSync(path.join(ROOT, 'content', 'entities'), path.join(contentDir, 'entities'), { recursive: true });
  // Every page's footer links to the site's main source (src/lib/site.ts), so it must be built too.
  for (const file of fs.readdirSync(path.join(ROOT, 'content', 'sources'))) {
    fs.cpSync(path.join(ROOT, 'content', 'sources', file), path.join(contentDir, 'sources', file));
  }
  if (ingestMode() === 'cli') {
    const measured = await runMeasured('npm', ['run', 'ingest', '--silent', '--', textFile, '--id', sourceId], {
      cwd: ROOT,
      env: { ...process.env, SITE_CONTENT_DIR: contentDir },
      logFile,
    });
    return { ...measured, mode: 'cli' };
  }
  const started = process.hrtime.bigint();
  writeDirectContent(contentDir, generated, sourceId);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  fs.writeFileSync(logFile, `direct write (no src/ingest/cli.ts yet): ${generated.sections.length} sections in ${seconds.toFixed(2)} s\n`);
  return { seconds, exitCode: 0, treePeakRss: 0, maxProcessRss: 0, peakRss: 0, cpuSeconds: seconds, mode: 'direct' };
}
