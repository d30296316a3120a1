/**
 * Ingest throughput: the pure ingest function (no disk, no process start) on generated text of a
 * given size. Target (issue 8): 10 MB in under 2 s.
 */
import fs from 'node:fs';
import path from 'node:path';
import { generateTextOfSize } from './generate.ts';
import { ROOT } from './ingest-step.ts';

export interface ThroughputResult {
  bytes: number;
  sections: number;
  /** Wall seconds; null when there is no ingest function to time yet. */
  seconds: number | null;
  /** CPU seconds of this process during the run: what the ingest costs when the machine is busy with other work. */
  cpuSeconds?: number;
  note?: string;
}

/** Times the ingest function on `megabytes` of text each (one warm-up run on a small text first). */
export async function measureThroughput(megabytes: readonly number[], seed: number): Promise<ThroughputResult[]> {
  const ingest = await loadIngest();
  return megabytes.map((size) => {
    const generated = generateTextOfSize(size * 1024 * 1024, seed);
    const bytes = Buffer.byteLength(generated.text);
    if (!ingest) return { bytes, sections: generated.sections.length, seconds: null, note: 'no pure ingest function in src/ingest/ yet' };
    ingest(generateTextOfSize(64 * 1024, seed).text);
    const started = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    ingest(generated.text);
    const used = process.cpuUsage(cpu);
    return {
      bytes,
      sections: generated.sections.length,
      seconds: Number((Number(process.hrtime.bigint() - started) / 1e9).toFixed(3)),
      cpuSeconds: Number(((used.user + used.system) / 1e6).toFixed(3)),
    };
  });
}

type IngestFunction = (text: string) => unknown;

/**
 * The ingest's pure entry point (`planIngest` from src/ingest/index.ts), given the seed content's
 * entities as the CLI would, so mention matching is part of the timing.
 */
async function loadIngest(): Promise<IngestFunction | undefined> {
  const file = path.join(ROOT, 'src', 'ingest', 'index.ts');
  if (!fs.existsSync(file)) return undefined;
  const { planIngest } = await import('../src/ingest/index.ts');
  const { readContentState } = await import('../src/ingest/content-state.ts');
  const { entities } = readContentState(path.join(ROOT, 'content'), 'bench-throughput');
  return (text) => planIngest(text, { id: 'bench', entities });
}
