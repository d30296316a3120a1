/** The ingest's pure entry point (text in, files out), for the CLI, tests and the benchmark. */
export { planIngest, type EntityInfo, type IngestOptions, type IngestPlan, type IngestSummary, type PlannedFile } from './plan.ts';
export { IngestError } from './errors.ts';
