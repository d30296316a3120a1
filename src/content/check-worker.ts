/** The content check's worker thread (see check-in-worker.ts): validates one folder and reports. */
import { parentPort, workerData } from 'node:worker_threads';
import type { CheckOutcome } from './check-in-worker.ts';
import { validateContent } from './validate.ts';

const started = Date.now();
const { problems, content } = validateContent((workerData as { dir: string }).dir);
const outcome: CheckOutcome = {
  problems,
  counts: { sections: content.sections.size, entities: content.entityIds.size, sources: content.sourceIds.size },
  ms: Date.now() - started,
};
parentPort?.postMessage(outcome);
