/**
 * Ingest throughput: the pure ingest function (`planIngest`: no disk, no process start) on
 * generated text of a given size, given the seed content's entities as the CLI would, so mention
 * matching is part of the timing. Target (issue 8): 10 MB in under 2 s.
 */
import path from 'node:path';
import { planIngest } from '../src/ingest/index.ts';
import { readContentState } from '../src/ingest/content-state.ts';
import { generateTextOfSize } from './generate.ts';
import { ROOT } from './ingest-step.ts';

export interface ThroughputResult {
  bytes: number;
  sections: number;
  /** Wall seconds. */
  seconds: number;
  /** CPU seconds of this process during the run: what the ingest costs when the machine is busy with other work. */
  cpuSeconds: number;
}

/** Times `planIngest` on `megabytes` of text each, after one warm-up run on a small text. */
export function measureThroughput(megabytes: readonly number[], seed: number): ThroughputResult[] {
  const { entities } = readContentState(path.join(ROOT, 'content'), 'bench-throughput');
  const ingest = (text: string) => planIngest(text, { id: 'bench', entities });
  ingest(generateTextOfSize(64 * 1024, seed).text);
  return megabytes.map((size) => {
    const generated = generateTextOfSize(size * 1024 * 1024, seed);
    const started = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    ingest(generated.text);
    const used = process.cpuUsage(cpu);
    return {
      bytes: Buffer.byteLength(generated.text),
      sections: generated.sections.length,
      seconds: Number((Number(process.hrtime.bigint() - started) / 1e9).toFixed(3)),
      cpuSeconds: Number(((used.user + used.system) / 1e6).toFixed(3)),
    };
  });
}
