/**
 * `npm run bench [-- --sizes 100,1000,5000] [--seed 1] [--runs 1] [--no-throughput] [--no-floor] [--starlight]`
 *
 * For each size n: generate scraped-style text of n sections (the ingest makes about n drafts of
 * it), ingest it into a fresh content folder, build it cold into a fresh output folder (both
 * under bench/out/, which git ignores), and measure. Prints
 * a table and merges the results into bench/results.json (a run replaces earlier results of the
 * same size, and keeps the others). Timings on a shared machine are noisy: each result records
 * the load average when it ran, its CPU seconds, and the floor: the same content built right
 * after by bare Astro + MDX (bench/floor/project.ts), so the ratio of the two is our overhead.
 * With --starlight, the same content is also built by a Starlight site with its defaults
 * (bench/starlight/project.ts), for issue 8's side-by-side comparison: build time, memory and
 * the weight of one content page, measured the same way for both.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { spawnSync } from 'node:child_process';
import { generateScrapedText } from './generate.ts';
import { ingestInto, ROOT } from './ingest-step.ts';
import { runMeasured } from './measure.ts';
import { isOurSectionPage, siteStats, type SiteStats } from './site-stats.ts';
import { measureThroughput, type ThroughputResult } from './throughput.ts';
import { kb, mb, secs, table } from './format.ts';
import { buildPhases, type BuildPhases } from './build-phases.ts';
import { writeFloorProject } from './floor/project.ts';
import { starlightBuildCommand, writeStarlightProject } from './starlight/project.ts';
import { contentPages, isStarlightPage, type UpFrontWeight } from './starlight/page-stats.ts';
import { TOPIC_IDS } from '../src/schemas/topic.ts';

interface SizeResult {
  sections: number;
  ranAt: string;
  /** The commit measured: $BENCH_COMMIT (for a copy outside git, e.g. a snapshot), else git's HEAD. */
  commit: string;
  /** 1-minute load average when the build started: above the core count, timings are inflated. */
  loadAverage: number;
  ingestSeconds: number;
  /** Median of the timed builds (each cold: no cache, empty output). */
  buildSeconds: number;
  buildSecondsAll: number[];
  /** CPU seconds (user + system, whole process tree) of the median build: steadier than wall time under load. */
  buildCpuSeconds: number;
  pagesPerSecond: number;
  /** Where the median build's wall time went, from Astro's log (bench/build-phases.ts). */
  phases: BuildPhases;
  peakRssBytes: number;
  stats: SiteStats;
  /** The same content built by bare Astro + MDX (bench/floor/project.ts), right after ours. */
  floor?: { buildSeconds: number; buildCpuSeconds: number; peakRssBytes: number; pages: number };
  /** Our median section page's up-front weight, as tests/perf/budgets.test.ts counts it (with --starlight). */
  sectionPageWeight?: UpFrontWeight;
  /** The same content built by Starlight with its defaults (bench/starlight/project.ts), after the floor; with --starlight. */
  starlight?: { buildSeconds: number; buildCpuSeconds: number; peakRssBytes: number; pages: number; medianPageGzipBytes: number; pageWeight: UpFrontWeight };
}

interface Results {
  machine: { cpu: string; cores: number; memoryBytes: number; os: string; node: string };
  note: string;
  sizes: SizeResult[];
  ingestThroughput: ThroughputResult[];
  linear?: { medianSectionPageBytes: Record<string, number>; ratio: number; ok: boolean } | undefined;
}

const RESULTS = path.join(ROOT, 'bench', 'results.json');
const OUT = path.join(ROOT, 'bench', 'out');
/** Largest allowed ratio between median section pages of two site sizes: "about equal". */
const LINEAR_TOLERANCE = 1.1;

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100,1000,5000' },
    seed: { type: 'string', default: '1' },
    runs: { type: 'string', default: '1' },
    'no-throughput': { type: 'boolean', default: false },
    'no-floor': { type: 'boolean', default: false },
    starlight: { type: 'boolean', default: false },
  },
});
const sizes = values.sizes.split(',').map((s) => Number(s.trim()));
if (sizes.some((s) => !Number.isInteger(s) || s < 1)) throw new Error(`--sizes expects whole numbers separated by commas, such as 100,1000; got "${values.sizes}"`);
const seed = Number(values.seed);
const runs = Math.max(1, Number(values.runs));

const COMMIT = process.env.BENCH_COMMIT ?? (spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout?.trim() || 'unknown');

const progress = (message: string) => console.log(`[bench] ${new Date().toISOString().slice(11, 19)} ${message}`);

async function benchSize(sections: number): Promise<SizeResult> {
  const dir = path.join(OUT, String(sections));
  fs.mkdirSync(dir, { recursive: true });
  progress(`${sections} sections: generating text`);
  const generated = generateScrapedText(sections, seed);
  const textFile = path.join(dir, 'scraped.txt');
  fs.writeFileSync(textFile, generated.text);
  progress(`${sections} sections: ingesting ${mb(Buffer.byteLength(generated.text))} of text`);
  const contentDir = path.join(dir, 'content');
  const ingest = await ingestInto(contentDir, textFile, 'bench', path.join(dir, 'ingest.log'));
  progress(`${sections} sections: ingest took ${secs(ingest.seconds)}`);

  const dist = path.join(dir, 'dist');
  const times: number[] = [];
  const cpu: number[] = [];
  let peakRss = 0;
  const loadAverage = os.loadavg()[0] ?? 0;
  for (let run = 1; run <= runs; run++) {
    fs.rmSync(dist, { recursive: true, force: true });
    fs.rmSync(`${dist}.cache`, { recursive: true, force: true });
    progress(`${sections} sections: building (run ${run} of ${runs}, load average ${loadAverage.toFixed(1)})`);
    const build = await runMeasured('npm', ['run', 'build', '--silent'], {
      cwd: ROOT,
      env: { ...process.env, SITE_CONTENT_DIR: contentDir, SITE_OUT_DIR: dist, ASTRO_TELEMETRY_DISABLED: '1' },
      logFile: path.join(dir, `build-${run}.log`),
    });
    times.push(build.seconds);
    cpu.push(build.cpuSeconds);
    peakRss = Math.max(peakRss, build.peakRss);
    progress(`${sections} sections: built in ${secs(build.seconds)} (${secs(build.cpuSeconds)} CPU), peak RSS ${mb(build.peakRss)}`);
  }
  const stats = siteStats(dist);
  let floor: SizeResult['floor'];
  if (!values['no-floor']) {
    const floorDist = path.join(dir, 'floor-dist');
    fs.rmSync(floorDist, { recursive: true, force: true });
    fs.rmSync(`${floorDist}.cache`, { recursive: true, force: true });
    progress(`${sections} sections: building the same content with bare Astro + MDX (the floor)`);
    const project = writeFloorProject(path.join(OUT, 'floor-project'), ROOT);
    const bare = await runMeasured('npm', ['run', 'build', '--silent'], {
      cwd: project,
      env: { ...process.env, SITE_CONTENT_DIR: contentDir, SITE_OUT_DIR: floorDist },
      logFile: path.join(dir, 'floor-build.log'),
    });
    floor = { buildSeconds: Number(bare.seconds.toFixed(3)), buildCpuSeconds: Number(bare.cpuSeconds.toFixed(2)), peakRssBytes: bare.peakRss, pages: siteStats(floorDist).htmlPages };
    progress(`${sections} sections: floor built in ${secs(bare.seconds)} (${secs(bare.cpuSeconds)} CPU), peak RSS ${mb(bare.peakRss)}`);
  }
  let starlight: SizeResult['starlight'];
  let sectionPageWeight: UpFrontWeight | undefined;
  if (values.starlight) {
    const slDist = path.join(dir, 'starlight-dist');
    fs.rmSync(slDist, { recursive: true, force: true });
    fs.rmSync(`${slDist}.cache`, { recursive: true, force: true });
    const project = writeStarlightProject(path.join(OUT, 'starlight-project'), ROOT, contentDir, progress);
    progress(`${sections} sections: building the same content with Starlight (defaults, autogenerated sidebar)`);
    // Astro 7 needs Node 24, which the root installs as a package; the machine's node may be older.
    const [command, args] = starlightBuildCommand(project, path.join(ROOT, 'node_modules', '.bin', 'node'));
    const built = await runMeasured(command, args, {
      cwd: project,
      env: { ...process.env, SITE_OUT_DIR: slDist, ASTRO_TELEMETRY_DISABLED: '1' },
      logFile: path.join(dir, 'starlight-build.log'),
    });
    const topics = new Set<string>(TOPIC_IDS);
    const theirs = contentPages(slDist, isStarlightPage(topics));
    sectionPageWeight = contentPages(dist, isOurSectionPage(topics)).pageWeight;
    starlight = {
      buildSeconds: Number(built.seconds.toFixed(3)),
      buildCpuSeconds: Number(built.cpuSeconds.toFixed(2)),
      peakRssBytes: built.peakRss,
      pages: theirs.pages,
      medianPageGzipBytes: theirs.medianPageGzipBytes,
      pageWeight: theirs.pageWeight,
    };
    progress(`${sections} sections: Starlight built ${theirs.pages} pages in ${secs(built.seconds)} (${secs(built.cpuSeconds)} CPU), peak RSS ${mb(built.peakRss)}`);
  }
  const medianRun = times.indexOf([...times].sort((a, b) => a - b)[Math.floor((times.length - 1) / 2)] ?? 0);
  const buildSeconds = times[medianRun] ?? 0;
  return {
    sections,
    ranAt: new Date().toISOString(),
    commit: COMMIT,
    loadAverage: Number(loadAverage.toFixed(2)),
    ingestSeconds: Number(ingest.seconds.toFixed(3)),
    buildSeconds: Number(buildSeconds.toFixed(3)),
    buildSecondsAll: times.map((t) => Number(t.toFixed(3))),
    buildCpuSeconds: Number((cpu[medianRun] ?? 0).toFixed(2)),
    pagesPerSecond: Number((stats.htmlPages / buildSeconds).toFixed(1)),
    phases: buildPhases(fs.readFileSync(path.join(dir, `build-${medianRun + 1}.log`), 'utf8')),
    peakRssBytes: peakRss,
    stats,
    ...(floor ? { floor } : {}),
    ...(sectionPageWeight ? { sectionPageWeight } : {}),
    ...(starlight ? { starlight } : {}),
  };
}

function readResults(): Results | undefined {
  if (!fs.existsSync(RESULTS)) return undefined;
  return JSON.parse(fs.readFileSync(RESULTS, 'utf8')) as Results;
}

/** Compares the median section page across sizes measured at this commit (pages of other commits differ for other reasons). */
function linearCheck(all: readonly SizeResult[]): Results['linear'] {
  const results = all.filter((r) => r.commit === COMMIT);
  if (results.length < 2) return undefined;
  const medians = results.map((r) => r.stats.medianSectionPageBytes);
  const ratio = Math.max(...medians) / Math.min(...medians);
  return {
    medianSectionPageBytes: Object.fromEntries(results.map((r) => [String(r.sections), r.stats.medianSectionPageBytes])),
    ratio: Number(ratio.toFixed(3)),
    ok: ratio <= LINEAR_TOLERANCE,
  };
}

const fresh: SizeResult[] = [];
for (const size of sizes) fresh.push(await benchSize(size));

let throughput: ThroughputResult[] = readResults()?.ingestThroughput ?? [];
if (!values['no-throughput']) {
  progress('ingest throughput on 1 MB and 10 MB of text');
  throughput = measureThroughput([1, 10], seed);
}

const previous = readResults()?.sizes.filter((r) => !sizes.includes(r.sections)) ?? [];
const all = [...previous, ...fresh].sort((a, b) => a.sections - b.sections);
const cpuModel = os.cpus()[0]?.model ?? 'unknown CPU';
const results: Results = {
  machine: { cpu: cpuModel, cores: os.availableParallelism(), memoryBytes: os.totalmem(), os: `${os.type()} ${os.release()}`, node: process.version },
  note: 'Cold builds (no cache, empty output) on a machine shared with other work: compare loadAverage before comparing timings.',
  sizes: all,
  ingestThroughput: throughput,
  linear: linearCheck(all),
};
fs.writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);

console.log(`\n${cpuModel}, ${results.machine.cores} cores, ${mb(results.machine.memoryBytes)} RAM, Node ${process.version}\n`);
console.log(table(
  ['sections', 'pages', 'ingest', 'build', 'build CPU', 'floor CPU', 'pages/s', 'peak RSS', 'dist', 'search index', 'median section page', 'load avg'],
  all.map((r) => [
    `${r.sections}${r.stats.sectionPages !== r.sections ? ` (${r.stats.sectionPages} drafts)` : ''}`,
    String(r.stats.htmlPages),
    secs(r.ingestSeconds),
    secs(r.buildSeconds),
    r.buildCpuSeconds ? secs(r.buildCpuSeconds) : 'n/a',
    r.floor ? `${secs(r.floor.buildCpuSeconds)} (x${(r.buildCpuSeconds / r.floor.buildCpuSeconds).toFixed(2)})` : 'n/a',
    r.pagesPerSecond.toFixed(0),
    mb(r.peakRssBytes),
    mb(r.stats.distBytes),
    r.stats.searchIndexBytes ? mb(r.stats.searchIndexBytes) : 'none',
    `${kb(r.stats.medianSectionPageBytes)} (${kb(r.stats.medianSectionPageGzipBytes)} gz)`,
    r.loadAverage.toFixed(1),
  ]),
));
console.log(`\n${table(['sections', 'build phases (wall seconds, from the build log)'], all.map((r) => [String(r.sections), Object.entries(r.phases ?? {}).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(' · ')]))}`);
const compared = all.filter((r) => r.starlight);
if (compared.length) {
  const weight = (w: UpFrontWeight | undefined) => (w ? `${kb(w.totalGzip)} (HTML ${kb(w.htmlGzip)}, CSS ${kb(w.cssGzip)}, JS ${kb(w.jsGzip)})` : 'n/a');
  console.log(`\nSide by side with Starlight (defaults), same content; ours / Starlight below 1 means we are faster or lighter\n`);
  console.log(table(
    ['sections', 'build', 'Starlight build', 'ours / Starlight', 'build CPU', 'Starlight CPU', 'ours / Starlight CPU', 'peak RSS', 'Starlight peak RSS', 'pages', 'Starlight pages', 'median page gz', 'Starlight median page gz'],
    compared.map((r) => {
      const s = r.starlight;
      if (!s) throw new Error('filtered on starlight');
      return [String(r.sections), secs(r.buildSeconds), secs(s.buildSeconds), `x${(r.buildSeconds / s.buildSeconds).toFixed(2)}`, secs(r.buildCpuSeconds), secs(s.buildCpuSeconds), `x${(r.buildCpuSeconds / s.buildCpuSeconds).toFixed(2)}`, mb(r.peakRssBytes), mb(s.peakRssBytes), String(r.stats.htmlPages), String(s.pages), kb(r.stats.medianSectionPageGzipBytes), kb(s.medianPageGzipBytes)];
    }),
  ));
  console.log(`\n${table(
    ['sections', 'our section page, up front (gzip)', 'Starlight content page, up front (gzip)', 'ours / Starlight'],
    compared.map((r) => [String(r.sections), weight(r.sectionPageWeight), weight(r.starlight?.pageWeight), r.sectionPageWeight && r.starlight ? `x${(r.sectionPageWeight.totalGzip / r.starlight.pageWeight.totalGzip).toFixed(2)}` : 'n/a']),
  )}`);
}
if (throughput.length) {
  console.log(`\n${table(['ingest input', 'seconds', 'CPU seconds', 'MB/s (CPU)', 'sections'], throughput.map((t) => [mb(t.bytes), secs(t.seconds), secs(t.cpuSeconds), (t.bytes / 1024 / 1024 / t.cpuSeconds).toFixed(1), String(t.sections)]))}`);
}
if (results.linear) {
  const { ratio, ok, medianSectionPageBytes } = results.linear;
  console.log(`\nlinear cost: median section page ${Object.entries(medianSectionPageBytes).map(([n, b]) => `${kb(b)} at ${n}`).join(', ')}; ratio ${ratio} (limit ${LINEAR_TOLERANCE}): ${ok ? 'ok' : 'FAIL, something on a page grows with the site'}`);
  if (!ok) process.exitCode = 1;
}
console.log(`\nresults: ${path.relative(ROOT, RESULTS)}`);
