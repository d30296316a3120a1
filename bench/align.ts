/**
 * `npm run bench:align`: how long corroboration takes when a 1 MB source is added to a content
 * folder already holding 10 MB of sources (the budget is 5 s). The existing sources are
 * generated scraped texts (bench/generate.ts); the new one holds passages of one of them with
 * its numbers deleted as the scraper deletes them, and fresh text. Prints the time of the
 * alignment alone (in process) and of the whole `npm run ingest`, and the values restored.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { corroborate } from '../src/ingest/corroborate/corroborate.ts';
import { generateTextOfSize } from './generate.ts';
import { damage } from './scrape-damage.ts';

const MB = 1024 * 1024;
const EXISTING = Number(process.env.ALIGN_EXISTING_MB ?? 10);
const BUDGET_SECONDS = 5;
const ROOT = path.resolve(import.meta.dirname, '..');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-align-'));
try {
  const sources = path.join(dir, 'sources');
  fs.mkdirSync(sources, { recursive: true });
  let existing = 0;
  let shared = '';
  for (let i = 1; i <= EXISTING; i++) {
    const text = generateTextOfSize(MB, 1000 + i).text;
    fs.writeFileSync(path.join(sources, `existing-${i}.txt`), text);
    existing += Buffer.byteLength(text);
    if (i === 3) shared = text;
  }
  // Half of the new source repeats existing-3 with its numbers lost; the rest is new text.
  const copied = damage(shared.slice(0, MB / 2)).text;
  const fresh = `${copied}\n\n${generateTextOfSize(MB / 2, 4242).text}`;
  const input = path.join(dir, 'new.txt');
  fs.writeFileSync(input, fresh);
  process.stdout.write(`bench:align: ${(existing / MB).toFixed(1)} MB in ${EXISTING} existing sources, new source ${(Buffer.byteLength(fresh) / MB).toFixed(2)} MB\n`);

  const started = performance.now();
  const result = corroborate(dir, 'new', fresh, { title: 'new' }, []);
  const seconds = (performance.now() - started) / 1000;
  const alignment = `alignment and suggestions (in process): ${seconds.toFixed(2)} s, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`;
  process.stdout.write(`  ${alignment}\n`);

  const cli = performance.now();
  const run = spawnSync(process.execPath, [path.join(ROOT, 'src', 'ingest', 'cli.ts'), input, '--id', 'new'], { cwd: ROOT, env: { ...process.env, SITE_CONTENT_DIR: dir }, encoding: 'utf8' });
  const cliSeconds = (performance.now() - cli) / 1000;
  if (run.status !== 0) throw new Error(`npm run ingest failed:\n${run.stderr}`);
  const summary = run.stdout.split('\n').find((l) => l.includes('corroboration:'))?.trim() ?? '';
  process.stdout.write(`  whole npm run ingest of the new source: ${cliSeconds.toFixed(2)} s\n  ${summary}\n`);
  process.stdout.write(`  ${seconds <= BUDGET_SECONDS ? 'within' : 'OVER'} the ${BUDGET_SECONDS} s budget for the alignment (restored ${result.stats.restored} values in the planned drafts: none here, as the benchmark plans none)\n`);
  if (seconds > BUDGET_SECONDS) process.exitCode = 1;
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
