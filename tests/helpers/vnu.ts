import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** The W3C Nu HTML checker shipped by the vnu-jar package. */
const VNU_JAR = path.resolve(import.meta.dirname, '../../node_modules/vnu-jar/build/dist/vnu.jar');

/** Where java is: $JAVA_HOME/bin/java, else the first `java` on PATH; undefined when there is none. */
export function javaPath(): string | undefined {
  const candidates = [
    process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : '',
    ...(process.env.PATH ?? '').split(path.delimiter).map((dir) => path.join(dir, 'java')),
  ];
  return candidates.find((c) => c !== '' && fs.existsSync(c));
}

/**
 * java for the Nu checker, like `browserAvailable`: without one the checks are skipped with a
 * loud message, except when REQUIRE_BROWSER=1 (CI), where a missing JRE is an error.
 */
export function javaAvailable(): string | undefined {
  const java = javaPath();
  if (java) return java;
  if (process.env.REQUIRE_BROWSER === '1') throw new Error('REQUIRE_BROWSER=1 but no java on PATH or $JAVA_HOME: install a JRE (apt-get install -y default-jre-headless).');
  console.warn('\n*** HTML validity SKIPPED: no java on PATH or $JAVA_HOME (the Nu checker needs a JRE). ***\n');
  return undefined;
}

export interface VnuMessage {
  type: string;
  url?: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

/**
 * Checks `files` in ONE JVM run (start-up dominates; a single run over every page takes seconds)
 * and returns the errors. Client JIT and serial GC make the short run faster.
 */
export function validateHtml(java: string, files: readonly string[]): VnuMessage[] {
  const result = spawnSync(java, ['-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-Xss4m', '-jar', VNU_JAR, '--errors-only', '--no-langdetect', '--format', 'json', ...files], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  // vnu writes its JSON report to stderr; exit status 1 only means "errors found".
  const report = [result.stderr, result.stdout].find((out) => out.trim().startsWith('{'));
  if (!report) throw new Error(`vnu.jar gave no report (exit ${result.status}): ${result.stderr}${result.stdout}`);
  const parsed = JSON.parse(report) as { messages: VnuMessage[] };
  return parsed.messages.filter((m) => m.type === 'error' || m.type === 'non-document-error');
}

/** One line per message: file, line, message, and the markup it points at. */
export function formatMessages(messages: readonly VnuMessage[], root: string): string {
  return messages
    .map((m) => {
      const file = m.url ? path.relative(root, decodeURIComponent(new URL(m.url).pathname)) : '?';
      return `${file}:${m.lastLine ?? '?'}: ${m.message}${m.extract ? `\n    ${m.extract.replace(/\s+/g, ' ').trim()}` : ''}`;
    })
    .join('\n');
}
