import fs from 'node:fs';
const prof = JSON.parse(fs.readFileSync(process.argv[2]!, 'utf8'));
const byId = new Map<number, any>(prof.nodes.map((n: any) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
// timeline in 100ms buckets: top non-internal frame (deepest frame from our/astro/vite/etc)
let t = 0; const buckets = new Map<number, Map<string, number>>();
for (let i = 0; i < prof.samples.length; i++) {
  t += prof.timeDeltas[i] / 1000; if (t > Number(process.argv[3] ?? 3300)) break;
  const b = Math.floor(t / 200);
  let id: number | undefined = prof.samples[i]; let label = '';
  const stack: string[] = [];
  while (id !== undefined) { const m = byId.get(id); stack.push(`${m.callFrame.functionName || '(anon)'}@${(m.callFrame.url.match(/node_modules\/((@[^/]+\/)?[^/]+)/)?.[1]) ?? m.callFrame.url.replace(/.*\//, '')}`); id = parent.get(id); }
  // choose the outermost frame below root that is not node internal loader
  label = stack.filter((s) => !/node:|^\(root\)/.test(s) && !/@$/.test(s)).slice(-3).reverse().join(' > ') || stack[0]!;
  const m = buckets.get(b) ?? new Map(); buckets.set(b, m); m.set(label, (m.get(label) ?? 0) + prof.timeDeltas[i] / 1000);
}
for (const [b, m] of [...buckets].sort((x, y) => x[0] - y[0])) console.log(`${(b * 0.2).toFixed(1)}s`, [...m].sort((x, y) => y[1] - x[1]).slice(0, 2).map(([k, v]) => `${v.toFixed(0)}ms ${k.slice(0, 110)}`).join(' | '));
