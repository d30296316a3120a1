import type { IngestSummary } from './plan.ts';

const list = (counts: Partial<Record<string, number>>): string =>
  Object.entries(counts)
    .filter(([, n]) => (n ?? 0) > 0)
    .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0) || a[0].localeCompare(b[0]))
    .map(([k, n]) => `${k} ${n}`)
    .join(', ') || 'none';

/** The end-of-run summary: what was placed, dropped and found, in a few lines. */
export function formatSummary(s: IngestSummary, run: { file: string; dir: string; dryRun: boolean; files: number; seconds: number }): string {
  const dropped = Object.values(s.dropped).reduce((a, n) => a + (n ?? 0), 0);
  const gaps = Object.values(s.gaps).reduce((a, n) => a + (n ?? 0), 0);
  const sections = Object.values(s.sectionsPerTopic).reduce((a, n) => a + n, 0);
  return [
    `${run.dryRun ? 'Planned' : 'Ingested'} ${run.file} as source "${s.sourceId}" ${run.dryRun ? 'for' : 'into'} ${run.dir} in ${run.seconds.toFixed(2)} s`,
    `  lines:    ${s.lines} (${s.placed.length} placed in sections, ${dropped} dropped)`,
    `  dropped:  ${list(s.dropped)}`,
    `  sections: ${sections} drafts (${list(s.sectionsPerTopic)})`,
    `  gaps:     ${gaps} candidate repairs (${list(s.gaps)})${s.gapsUnplaced ? `; ${s.gapsUnplaced} left out, no unique text before them` : ''}`,
    ...(s.entitiesCreated.length ? [`  entities: created ${s.entitiesCreated.join(', ')}`] : []),
    `  files:    ${run.files} ${run.dryRun ? 'to write (dry run: nothing written)' : 'written'}`,
  ].join('\n');
}
