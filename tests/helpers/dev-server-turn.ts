import fs from 'node:fs';
import path from 'node:path';

const LOCK = path.resolve(import.meta.dirname, '..', '..', 'node_modules', '.cache', 'dev-server.lock');

const running = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Astro 7 runs one dev server per project ("Another astro dev server is already running"), so the
 * test files that start one take turns: this waits for the turn (a lock file holding the test
 * process's pid; a lock whose process is gone is taken over) and returns the release, which
 * waits for the server's process group to end before passing the turn on.
 */
export async function devServerTurn(waitMs = 360_000): Promise<(serverPid?: number) => Promise<void>> {
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  const until = Date.now() + waitMs;
  for (;;) {
    try {
      fs.writeFileSync(LOCK, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(fs.readFileSync(LOCK, 'utf8').trim());
      if (!Number.isInteger(holder) || holder <= 0 || !running(holder)) fs.rmSync(LOCK, { force: true });
      else if (Date.now() > until) throw new Error(`another test's dev server (test process ${holder}) held the turn for ${waitMs / 1000} s`);
      else await new Promise((r) => setTimeout(r, 500));
    }
  }
  return async (serverPid) => {
    const gone = Date.now() + 20_000;
    // The whole process group (npm and the Astro process under it).
    while (serverPid && running(-serverPid) && Date.now() < gone) await new Promise((r) => setTimeout(r, 200));
    if (fs.existsSync(LOCK) && fs.readFileSync(LOCK, 'utf8').trim() === String(process.pid)) fs.rmSync(LOCK, { force: true });
  };
}
