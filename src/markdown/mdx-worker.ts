/**
 * One MDX worker thread (see `mdx-workers.ts`): builds the same `unified()` processor as
 * astro.config.mjs, from the same options, and compiles the sections it is sent.
 *
 * Each reply carries the compiled module and what `record-analysis.ts` recorded for the file,
 * which the main thread keeps as if it had compiled the file itself.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { unified } from '@astrojs/markdown-remark';
import { toPlainError } from '../lib/thread-errors.ts';
import { processorOptions } from './processor-options.ts';
import { takeRecord } from './record-analysis.ts';
import type { CompileReply, CompileRequest, WorkerSetup } from './mdx-workers.ts';

const port = parentPort;
if (!port) throw new Error('mdx-worker.ts runs only as a worker thread (see mdx-workers.ts).');

const setup = workerData as WorkerSetup;
const createMdxRenderer = unified(processorOptions()).createMdxRenderer;
if (!createMdxRenderer) throw new Error('@astrojs/markdown-remark no longer renders MDX: mdx-workers.ts needs updating.');
const { srcDir, ...mdx } = setup.mdx;
const renderer = await createMdxRenderer({ ...setup.shared }, { ...mdx, ...(srcDir ? { srcDir: new URL(srcDir) } : {}) });

// One file at a time: the main thread sends requests as Rolldown asks for them, often thousands
// at once, and compiling them all together would hold every file's trees in memory at once.
const queue: CompileRequest[] = [];
let running = false;

port.on('message', (request: CompileRequest) => {
  queue.push(request);
  if (!running) void drain();
});

async function drain(): Promise<void> {
  running = true;
  for (let request = queue.shift(); request; request = queue.shift()) {
    try {
      const result = await renderer.process(request.content, request.filePath, request.frontmatter);
      reply({ id: request.id, result, record: takeRecord(request.filePath) });
    } catch (error) {
      reply({ id: request.id, error: toPlainError(error) });
    }
  }
  running = false;
}

function reply(message: CompileReply): void {
  port?.postMessage(message);
}
