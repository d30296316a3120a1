import fs from 'node:fs';
const prof = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const fromMs = Number(process.argv[3] ?? 0); const limitMs = Number(process.argv[4] ?? 3000);
const byId = new Map(prof.nodes.map((n: any) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
let t = 0; const self = new Map<string, number>(); const incl = new Map<string, number>();
const pkg = (url: string) => { const m = url.match(/node_modules\/((@[^/]+\/)?[^/]+)/); return m ? m[1] : url.includes('/src/') ? url.replace(/.*\/src\//, 'src/') : url || '(native)'; };
for (let i = 0; i < prof.samples.length; i++) {
  t += prof.timeDeltas[i] / 1000;
  if (t > limitMs) break; if (t < fromMs) continue;
  const n: any = byId.get(prof.samples[i]);
  const k = pkg(n.callFrame.url);
  self.set(k, (self.get(k) ?? 0) + prof.timeDeltas[i] / 1000);
  const seen = new Set<string>();
  let id: number | undefined = n.id;
  while (id !== undefined) { const m: any = byId.get(id); const key = `${m.callFrame.functionName}@${pkg(m.callFrame.url)}:${m.callFrame.lineNumber}`; if (!seen.has(key)) { seen.add(key); incl.set(key, (incl.get(key) ?? 0) + prof.timeDeltas[i] / 1000); } id = parent.get(id); }
}
console.log('total ms', t.toFixed(0));
console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${v.toFixed(0).padStart(6)} ${k}`).join('\n'));
console.log('--- inclusive');
console.log([...incl].sort((a, b) => b[1] - a[1]).slice(0, 60).map(([k, v]) => `${v.toFixed(0).padStart(6)} ${k}`).join('\n'));
