/**
 * Running a step of the benchmark as a child process and measuring it: wall time, and peak
 * memory of the whole process tree (npm starts a shell that starts node, which may start
 * workers). Two measures of memory, because each misses something:
 * - `/usr/bin/time -v` reports the largest single process exactly, but not a sum over the tree;
 * - polling /proc sums the tree but can miss a spike shorter than the polling interval.
 * The benchmark reports the larger of the two.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface Measured {
  seconds: number;
  exitCode: number;
  /** Largest sum of RSS over the process tree seen while polling /proc (bytes; 0 when /proc is absent). */
  treePeakRss: number;
  /** Largest single process RSS according to /usr/bin/time -v (bytes; 0 when time is absent). */
  maxProcessRss: number;
  /** max(treePeakRss, maxProcessRss). */
  peakRss: number;
  /**
   * User + system CPU seconds of the whole tree (from /usr/bin/time; 0 without it). Less
   * sensitive than wall time to other work on a shared machine, so it compares runs better.
   */
  cpuSeconds: number;
}

const TIME = '/usr/bin/time';
const POLL_MS = 100;

/**
 * Runs `command` with `args`, writing its stdout and stderr to `logFile`, and measures it.
 * Rejects when the command fails, with the log's tail, so a broken build never yields a timing.
 */
export async function runMeasured(command: string, args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string }): Promise<Measured> {
  const useTime = fs.existsSync(TIME);
  const timeFile = `${options.logFile}.time`;
  const [cmd, argv] = useTime ? [TIME, ['-v', '-o', timeFile, command, ...args]] : [command, [...args]];
  const log = fs.openSync(options.logFile, 'w');
  const started = process.hrtime.bigint();
  const child = spawn(cmd, argv, { cwd: options.cwd, env: options.env, stdio: ['ignore', log, log] });
  let treePeakRss = 0;
  const poll = setInterval(() => {
    if (child.pid !== undefined) treePeakRss = Math.max(treePeakRss, treeRss(child.pid));
  }, POLL_MS);
  const exitCode = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
  clearInterval(poll);
  fs.closeSync(log);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (exitCode !== 0) {
    const tail = fs.readFileSync(options.logFile, 'utf8').split('\n').slice(-30).join('\n');
    throw new Error(`${command} ${args.join(' ')} failed with exit code ${exitCode} (log: ${options.logFile}):\n${tail}`);
  }
  const report = useTime ? fs.readFileSync(timeFile, 'utf8') : '';
  const maxProcessRss = useTime ? maxRssFromTime(report) : 0;
  const cpuSeconds = useTime ? cpuSecondsFromTime(report) : 0;
  return { seconds, exitCode, treePeakRss, maxProcessRss, peakRss: Math.max(treePeakRss, maxProcessRss), cpuSeconds };
}

/** "Maximum resident set size (kbytes): 123" in GNU time's verbose output, in bytes. */
export function maxRssFromTime(report: string): number {
  const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(report);
  if (!match?.[1]) throw new Error(`/usr/bin/time -v output has no "Maximum resident set size" line:\n${report}`);
  return Number(match[1]) * 1024;
}

/** "User time (seconds): 1.2" plus "System time (seconds): 0.3" in GNU time's verbose output. */
export function cpuSecondsFromTime(report: string): number {
  const user = /User time \(seconds\): ([\d.]+)/.exec(report)?.[1];
  const system = /System time \(seconds\): ([\d.]+)/.exec(report)?.[1];
  if (user === undefined || system === undefined) throw new Error(`/usr/bin/time -v output has no user or system time:\n${report}`);
  return Number(user) + Number(system);
}

/** Sum of RSS (bytes) of `root` and all its descendants, from /proc; 0 without /proc. */
export function treeRss(root: number): number {
  if (!fs.existsSync('/proc/self/stat')) return 0;
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readProcFile(`/proc/${name}/stat`);
    const statm = readProcFile(`/proc/${name}/statm`);
    if (stat === undefined || statm === undefined) continue;
    // Fields after the command name, which is in parentheses and may contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const pid = Number(name);
    const ppid = Number(fields[1]);
    children.set(ppid, [...(children.get(ppid) ?? []), pid]);
    rss.set(pid, Number(statm.split(' ')[1]) * PAGE_SIZE);
  }
  let total = 0;
  const queue = [root];
  for (let pid = queue.pop(); pid !== undefined; pid = queue.pop()) {
    total += rss.get(pid) ?? 0;
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}

const PAGE_SIZE = 4096;

/** A /proc file's text, or undefined when the process ended between listing and reading (a normal race). */
function readProcFile(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ESRCH') return undefined;
    throw error;
  }
}

/** Total size in bytes of the files under `dir` (0 when it does not exist). */
export function dirSize(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += fs.statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return total;
}
