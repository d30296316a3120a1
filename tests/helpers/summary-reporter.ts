import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints one plain closing line, `Tests: N passed, N failed, N skipped`, after Vitest's own
 * summary, so CI logs carry a count any reader understands. Unhandled errors count as failures.
 *
 * Under REQUIRE_BROWSER=1 (CI) nothing may be skipped: a browser suite without a browser, a
 * validator without Java or a stray `.skip` would otherwise pass unseen. Each skipped test is
 * named above the closing line and the run's exit code is set to 1 (Vitest never lowers it).
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = unhandledErrors.length;
    const skipped: string[] = [];
    for (const module of testModules) {
      if (module.state() === 'failed' && [...module.children.allTests()].length === 0) failed++;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped.push(`${module.moduleId.replace(`${process.cwd()}/`, '')} > ${test.fullName}`);
      }
    }
    if (process.env.REQUIRE_BROWSER === '1' && skipped.length) {
      process.stdout.write(`\n${skipped.length} test(s) skipped, and REQUIRE_BROWSER=1 allows none (install what they need, or remove the .skip):\n${skipped.map((s) => `  - ${s}`).join('\n')}\n`);
      process.exitCode = 1;
    }
    process.stdout.write(`\nTests: ${passed} passed, ${failed} failed, ${skipped.length} skipped\n`);
  }
}
