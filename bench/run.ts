/**
 * `npm run bench [-- --sizes 100,1000,5000] [--seed 1] [--runs 1] [--rename maxim-litvinov]
 *   [--no-throughput] [--no-floor] [--starlight] [--steps a,b]`
 *
 * For each size n: generate scraped-style text of n sections whose numbers are lost as the seed's
 * scraper lost them (bench/generate.ts), ingest it into a fresh content folder and count the
 * drafts that carry candidate repairs, then build it (bench/incremental.ts): cold (no cache, empty
 * output), then the floor (bare Astro + MDX, bench/floor/) and, with --starlight, Starlight
 * (bench/starlight/) over the same content, then warm builds after each of an editor's edits
 * (nothing; one section's text; one section added; one entity renamed), with the pages each
 * rendered and reused; `--runs N` makes that N rounds of a cold build and the warm steps, combined
 * by median (bench/incremental.ts). Everything is under bench/out/ (git ignores it). Prints a table per size
 * and merges the results into bench/results.json (a run replaces the sizes it ran).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { spawnSync } from 'node:child_process';
import { generateScrapedText } from './generate.ts';
import { countDraftRepairs, ingestInto, ROOT } from './ingest-step.ts';
import { coldBuild, combineRounds, warmBuilds, type Round } from './incremental.ts';
import { siteStats } from './site-stats.ts';
import { measureThroughput, type ThroughputResult } from './throughput.ts';
import { mb, secs } from './format.ts';
import { compareWithOthers } from './side-by-side.ts';
import { linearCheck, printResults, type Results, type SizeResult } from './report.ts';

const RESULTS = path.join(ROOT, 'bench', 'results.json');
const OUT = path.join(ROOT, 'bench', 'out');

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100,1000,5000' },
    seed: { type: 'string', default: '1' },
    runs: { type: 'string', default: '1' },
    rename: { type: 'string', default: 'maxim-litvinov' },
    'no-throughput': { type: 'boolean', default: false },
    'no-floor': { type: 'boolean', default: false },
    starlight: { type: 'boolean', default: false },
    steps: { type: 'string', default: '' },
  },
});
// The warm steps to run (default every one, in order); edits accumulate, so a prefix is cheapest.
const steps = values.steps.split(',').map((s) => s.trim()).filter(Boolean);
const sizes = values.sizes.split(',').map((s) => Number(s.trim()));
if (sizes.some((s) => !Number.isInteger(s) || s < 1)) throw new Error(`--sizes expects whole numbers separated by commas, such as 100,1000; got "${values.sizes}"`);
const seed = Number(values.seed);
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs expects a whole number of rounds, 1 or more; got "${values.runs}"`);
const COMMIT = process.env.BENCH_COMMIT ?? (spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout?.trim() || 'unknown');
const loadAverage = () => os.loadavg()[0] ?? 0;

async function benchSize(sections: number): Promise<SizeResult> {
  const dir = path.join(OUT, String(sections));
  const progress = (message: string) => console.log(`[bench] ${new Date().toISOString().slice(11, 19)} ${sections} sections: ${message}`);
  fs.mkdirSync(dir, { recursive: true });
  progress('generating text');
  const generated = generateScrapedText(sections, seed);
  const textFile = path.join(dir, 'scraped.txt');
  fs.writeFileSync(textFile, generated.text);
  progress(`ingesting ${mb(Buffer.byteLength(generated.text))} of text`);
  const contentDir = path.join(dir, 'content');
  const ingest = await ingestInto(contentDir, textFile, 'bench', path.join(dir, 'ingest.log'));
  const repairs = { ...countDraftRepairs(contentDir), numbersLost: generated.sections.reduce((n, s) => n + s.lostNumbers, 0) };
  progress(`ingest took ${secs(ingest.seconds)}; ${repairs.draftsWithRepairs} of ${repairs.drafts} drafts carry candidate repairs (${repairs.repairs} repairs for ${repairs.numbersLost} numbers the text lost)`);

  const dist = path.join(dir, 'dist');
  const options = { contentDir, outDir: dist, logDir: dir, sourceDateEpoch: Math.floor(Date.now() / 1000), renameEntityId: values.rename, progress, loadAverage };
  // Each round: a cold build, then the warm steps on its cache. The site's stats and the builds
  // of the same content by others come from the first round, before any edit.
  const rounds: Round[] = [];
  let stats: ReturnType<typeof siteStats> | undefined;
  let others: Awaited<ReturnType<typeof compareWithOthers>> | undefined;
  for (let round = 0; round < runs; round++) {
    const coldRun = await coldBuild(options, round, runs);
    if (round === 0) {
      stats = siteStats(dist);
      others = await compareWithOthers({ dir, out: OUT, root: ROOT, contentDir, dist, floor: !values['no-floor'], starlight: values.starlight, progress });
    }
    rounds.push({ cold: coldRun, warm: await warmBuilds(options, coldRun.seconds, steps.length ? steps : undefined, round, runs) });
  }
  if (!stats || !others) throw new Error('bench: no round ran (--runs must be at least 1)');
  const { cold, warm } = combineRounds(rounds);
  return {
    sections,
    ranAt: new Date().toISOString(),
    commit: COMMIT,
    loadAverage: Number(cold.loadAverage.toFixed(2)),
    ingestSeconds: Number(ingest.seconds.toFixed(3)),
    repairs,
    buildSeconds: Number(cold.seconds.toFixed(3)),
    buildSecondsAll: cold.secondsAll.map((t) => Number(t.toFixed(3))),
    buildCpuSeconds: Number(cold.cpuSeconds.toFixed(2)),
    pagesPerSecond: Number((stats.htmlPages / cold.seconds).toFixed(1)),
    peakRssBytes: cold.peakRssBytes,
    builds: [cold, ...warm].map((b) => ({ ...b, seconds: Number(b.seconds.toFixed(3)), secondsAll: b.secondsAll.map((t) => Number(t.toFixed(3))), cpuSeconds: Number(b.cpuSeconds.toFixed(2)), loadAverage: Number(b.loadAverage.toFixed(2)) })),
    stats,
    ...others,
  };
}

function readResults(): Results | undefined {
  if (!fs.existsSync(RESULTS)) return undefined;
  return JSON.parse(fs.readFileSync(RESULTS, 'utf8')) as Results;
}

/** Merges `fresh` into bench/results.json (replacing those sizes) and writes it: after every size, so a run that fails later keeps what it measured. */
function writeResults(fresh: readonly SizeResult[], throughput: ThroughputResult[]): Results {
  const done = new Set(fresh.map((r) => r.sections));
  // Results of other sizes are kept only when they have this shape (one cold and four warm builds).
  const previous = readResults()?.sizes.filter((r) => !done.has(r.sections) && Array.isArray(r.builds)) ?? [];
  const all = [...previous, ...fresh].sort((a, b) => a.sections - b.sections);
  const results: Results = {
    machine: { cpu: os.cpus()[0]?.model ?? 'unknown CPU', cores: os.availableParallelism(), memoryBytes: os.totalmem(), os: `${os.type()} ${os.release()}`, node: process.version },
    note: 'Per size: one cold build (no cache, empty output), then warm builds on its cache after each edit. A machine shared with other work: compare loadAverage before comparing timings.',
    sizes: all,
    ingestThroughput: throughput,
    linear: linearCheck(all, COMMIT),
  };
  fs.writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  return results;
}

const fresh: SizeResult[] = [];
let throughput: ThroughputResult[] = readResults()?.ingestThroughput ?? [];
for (const size of sizes) {
  fresh.push(await benchSize(size));
  writeResults(fresh, throughput);
}
if (!values['no-throughput']) {
  console.log('[bench] ingest throughput on 1 MB and 10 MB of text');
  throughput = measureThroughput([1, 10], seed);
}
if (!printResults(writeResults(fresh, throughput))) process.exitCode = 1;
console.log(`\nresults: ${path.relative(ROOT, RESULTS)}`);
