/**
 * The benchmark's results: their shape in bench/results.json, the checks made on them (linear
 * cost, the issues' targets) and the tables printed at the end of a run.
 */
import type { BuildRun } from './incremental.ts';
import type { DraftRepairs } from './ingest-step.ts';
import type { SideBySide } from './side-by-side.ts';
import type { SiteStats } from './site-stats.ts';
import type { ThroughputResult } from './throughput.ts';
import type { UpFrontWeight } from './starlight/page-stats.ts';
import { kb, mb, secs, table } from './format.ts';

export interface SizeResult extends SideBySide {
  sections: number;
  ranAt: string;
  /** The commit measured: $BENCH_COMMIT (for a copy outside git, e.g. a snapshot), else git's HEAD. */
  commit: string;
  /** 1-minute load average when the cold build started: above the core count, timings are inflated. */
  loadAverage: number;
  ingestSeconds: number;
  /** Drafts with candidate repairs after the ingest, and the numbers the generated text lost. */
  repairs: DraftRepairs & { numbersLost: number };
  /** The cold build (median of --runs): seconds, every run's seconds, CPU seconds, pages per second, peak RSS. */
  buildSeconds: number;
  buildSecondsAll: number[];
  buildCpuSeconds: number;
  pagesPerSecond: number;
  peakRssBytes: number;
  /** The cold build, then each warm build after its edit. */
  builds: BuildRun[];
  /** The cold build's site. */
  stats: SiteStats;
}

export interface Results {
  machine: { cpu: string; cores: number; memoryBytes: number; os: string; node: string };
  note: string;
  sizes: SizeResult[];
  ingestThroughput: ThroughputResult[];
  linear?: { medianSectionPageBytes: Record<string, number>; ratio: number; ok: boolean } | undefined;
}

/** Largest allowed ratio between median section pages of two site sizes: "about equal". */
const LINEAR_TOLERANCE = 1.1;

/** Compares the median section page across sizes measured at `commit` (pages of other commits differ for other reasons). */
export function linearCheck(all: readonly SizeResult[], commit: string): Results['linear'] {
  const results = all.filter((r) => r.commit === commit);
  if (results.length < 2) return undefined;
  const medians = results.map((r) => r.stats.medianSectionPageBytes);
  const ratio = Math.max(...medians) / Math.min(...medians);
  return {
    medianSectionPageBytes: Object.fromEntries(results.map((r) => [String(r.sections), r.stats.medianSectionPageBytes])),
    ratio: Number(ratio.toFixed(3)),
    ok: ratio <= LINEAR_TOLERANCE,
  };
}

/** Issue 16's targets at the sizes it names: the largest ratio allowed. */
const TARGETS: Record<number, { textEdit: number; unchanged: number; starlight: number; floor?: number }> = {
  1000: { textEdit: 0.35, unchanged: 0.3, starlight: 0.8 },
  5000: { textEdit: 0.25, unchanged: 0.2, starlight: 0.25, floor: 1 },
};

/** Each target of issue 16 that this size's results can be held to: what, measured, limit, met. */
export function targetChecks(r: SizeResult): { what: string; ratio: number; limit: number; met: boolean }[] {
  const target = TARGETS[r.sections];
  if (!target) return [];
  const ratioOf = (step: string) => r.builds.find((b) => b.step === step)?.ratioToCold;
  const checks: [string, number | undefined, number | undefined][] = [
    ['warm after one section text edit / cold', ratioOf('text-edit'), target.textEdit],
    ['warm with nothing changed, Astro run anyway / cold', ratioOf('unchanged'), target.unchanged],
    ['warm with nothing changed, npm run build (skips) / cold', ratioOf('unchanged-skipped'), target.unchanged],
    ['cold / Starlight', r.starlight ? r.buildSeconds / r.starlight.buildSeconds : undefined, target.starlight],
    ['cold / floor', r.floor ? r.buildSeconds / r.floor.buildSeconds : undefined, target.floor],
  ];
  return checks.flatMap(([what, ratio, limit]) => (ratio === undefined || limit === undefined ? [] : [{ what, ratio: Number(ratio.toFixed(3)), limit, met: ratio <= limit }]));
}

/** A build's seconds, and every round's when there were several (the median first; results of older runs have none). */
const runsText = (b: BuildRun): string => (b.secondsAll && b.secondsAll.length > 1 ? `${secs(b.seconds)} (${b.secondsAll.map((s) => s.toFixed(1)).join(', ')})` : secs(b.seconds));
/** A warm build's ratio to the cold build, and every round's ratio to its own cold build when there were several. */
const ratiosText = (b: BuildRun): string => (b.ratiosAll && b.ratiosAll.length > 1 ? `${b.ratioToCold.toFixed(2)} (${b.ratiosAll.map((r) => r.toFixed(2)).join(', ')})` : b.ratioToCold.toFixed(2));

const weight = (w: UpFrontWeight | undefined) => (w ? `${kb(w.totalGzip)} (HTML ${kb(w.htmlGzip)}, CSS ${kb(w.cssGzip)}, JS ${kb(w.jsGzip)})` : 'n/a');

/** Prints every table; returns false when the linear-cost check failed. */
export function printResults(results: Results): boolean {
  const { machine, sizes } = results;
  console.log(`\n${machine.cpu}, ${machine.cores} cores, ${mb(machine.memoryBytes)} RAM, Node ${machine.node}\n`);
  console.log(table(
    ['sections', 'drafts with repairs', 'pages', 'ingest', 'cold build', 'build CPU', 'floor', 'Starlight', 'peak RSS', 'dist', 'median section page', 'load avg'],
    sizes.map((r) => [
      String(r.sections),
      `${r.repairs.draftsWithRepairs} of ${r.repairs.drafts}`,
      String(r.stats.htmlPages),
      secs(r.ingestSeconds),
      secs(r.buildSeconds),
      secs(r.buildCpuSeconds),
      r.floor ? `${secs(r.floor.buildSeconds)} (ours x${(r.buildSeconds / r.floor.buildSeconds).toFixed(2)})` : 'n/a',
      r.starlight ? `${secs(r.starlight.buildSeconds)} (ours x${(r.buildSeconds / r.starlight.buildSeconds).toFixed(2)})` : 'n/a',
      mb(r.peakRssBytes),
      mb(r.stats.distBytes),
      `${kb(r.stats.medianSectionPageBytes)} (${kb(r.stats.medianSectionPageGzipBytes)} gz)`,
      r.loadAverage.toFixed(1),
    ]),
  ));
  for (const r of sizes) {
    console.log(`\n${r.sections} sections: cold, then warm builds on its cache after each edit\n`);
    console.log(table(
      ['build', 'change', 'seconds', 'x cold', 'CPU s', 'pages rendered', 'pages reused', 'sections rendered', 'content s', 'after last page s', 'peak RSS', 'load avg'],
      r.builds.map((b) => [b.step, b.change, runsText(b), ratiosText(b), secs(b.cpuSeconds), String(b.pagesRendered), String(b.pagesReused), String(b.sectionsRendered), b.contentSeconds.toFixed(1), b.afterLastPageSeconds.toFixed(1), mb(b.peakRssBytes), b.loadAverage.toFixed(1)]),
    ));
    const checks = targetChecks(r);
    if (checks.length) console.log(`\n${table(['target (issue 16)', 'measured', 'limit', 'met'], checks.map((c) => [c.what, `x${c.ratio.toFixed(2)}`, `x${c.limit}`, c.met ? 'yes' : 'NO']))}`);
  }
  const compared = sizes.filter((r) => r.starlight);
  if (compared.length) {
    console.log('\nA content page, up front (gzip), ours and Starlight\'s\n');
    console.log(table(['sections', 'our section page', 'Starlight content page', 'ours / Starlight'], compared.map((r) => [
      String(r.sections), weight(r.sectionPageWeight), weight(r.starlight?.pageWeight),
      r.sectionPageWeight && r.starlight ? `x${(r.sectionPageWeight.totalGzip / r.starlight.pageWeight.totalGzip).toFixed(2)}` : 'n/a',
    ])));
  }
  if (results.ingestThroughput.length) {
    console.log(`\n${table(['ingest input', 'seconds', 'CPU seconds', 'MB/s (CPU)', 'sections'], results.ingestThroughput.map((t) => [mb(t.bytes), secs(t.seconds), secs(t.cpuSeconds), (t.bytes / 1024 / 1024 / t.cpuSeconds).toFixed(1), String(t.sections)]))}`);
  }
  if (!results.linear) return true;
  const { ratio, ok, medianSectionPageBytes } = results.linear;
  console.log(`\nlinear cost: median section page ${Object.entries(medianSectionPageBytes).map(([n, b]) => `${kb(b)} at ${n}`).join(', ')}; ratio ${ratio} (limit ${LINEAR_TOLERANCE}): ${ok ? 'ok' : 'FAIL, something on a page grows with the site'}`);
  return ok;
}
