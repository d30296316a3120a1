/**
 * Where a build's CPU time goes, from a V8 `.cpuprofile` (node --cpu-prof): self time summed by
 * package (or by our own source folder), and the heaviest functions. Used by `npm run bench --
 * --profile` and for docs/performance.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { cacheRoot } from '../src/lib/build-dirs.ts';

const BUILD_CACHE = `${cacheRoot(path.resolve(import.meta.dirname, '..'))}/`;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileSummary {
  totalSeconds: number;
  byPackage: { name: string; seconds: number; share: number }[];
  topFunctions: { name: string; seconds: number }[];
}

/** Who owns a script URL: an npm package, a folder of ours, node itself, or V8 (GC, idle). */
export function ownerOf(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node (built-ins)';
  // The build's own bundle runs from its cache folder (ours to name: src/lib/build-dirs.ts).
  if (url.includes(BUILD_CACHE)) return 'built site bundle (pages, components)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg?.[1]) return pkg[1];
  const ours = /\/(src\/[^/]+)\//.exec(url);
  if (ours?.[1]) return ours[1];
  return url.replace(/^file:\/\//, '').split('/').slice(-2).join('/');
}

/** Summarises the profile at `file`, keeping the `top` heaviest packages and functions. */
export function summariseProfile(file: string, top = 15): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfMicros = new Map<number, number>();
  profile.samples.forEach((id, i) => selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const packages = new Map<string, number>();
  const functions = new Map<string, number>();
  for (const [id, micros] of selfMicros) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    const owner = ownerOf(frame.url, frame.functionName);
    packages.set(owner, (packages.get(owner) ?? 0) + micros);
    const fn = `${frame.functionName || '(anonymous)'} ${owner}:${frame.lineNumber + 1}`;
    functions.set(fn, (functions.get(fn) ?? 0) + micros);
  }
  const total = (profile.endTime - profile.startTime) / 1e6;
  const rank = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top);
  return {
    totalSeconds: total,
    byPackage: rank(packages).map(([name, us]) => ({ name, seconds: us / 1e6, share: us / 1e6 / total })),
    topFunctions: rank(functions).map(([name, us]) => ({ name, seconds: us / 1e6 })),
  };
}

if (import.meta.main) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: node bench/profile-summary.ts <file.cpuprofile>');
  const s = summariseProfile(file, 25);
  console.log(`total ${s.totalSeconds.toFixed(2)} s`);
  for (const p of s.byPackage) console.log(`${p.seconds.toFixed(2).padStart(7)} s ${(p.share * 100).toFixed(1).padStart(5)}%  ${p.name}`);
  console.log('');
  for (const f of s.topFunctions) console.log(`${f.seconds.toFixed(2).padStart(7)} s  ${f.name}`);
}
