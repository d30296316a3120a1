import { spawnSync } from 'node:child_process';

/**
 * Whether Sphinx (Debian's python3-sphinx: `sphinx-build`) is here. Without it the Sphinx suite
 * is skipped with a loud message, except when REQUIRE_BROWSER=1 (CI, which installs it).
 */
export function sphinxAvailable(): boolean {
  if (spawnSync('sphinx-build', ['--version'], { encoding: 'utf8' }).status === 0) return true;
  if (process.env.REQUIRE_BROWSER === '1') {
    throw new Error('REQUIRE_BROWSER=1 (CI) but no sphinx-build on PATH: install it (apt-get install -y python3-sphinx).');
  }
  console.warn('\n*** Sphinx suite SKIPPED: no sphinx-build on PATH. Install it: apt-get install -y python3-sphinx ***\n');
  return false;
}

/** `sphinx-build -b html -n -W` of `src` into `out`: nitpicky, warnings are errors. */
export function sphinxBuild(src: string, out: string): { status: number | null; output: string } {
  const result = spawnSync('sphinx-build', ['-b', 'html', '-n', '-W', '-q', '-E', src, out], { encoding: 'utf8', env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}
