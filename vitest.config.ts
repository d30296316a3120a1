import { defineConfig } from 'vitest/config';

// The seed site is built once (tests/global-setup.ts) into node_modules/.cache and read by the
// built-site suites with a parser; browser suites drive Debian's Chromium. The second reporter
// prints a plain "Tests: N passed, N failed" line for CI logs.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default', './tests/helpers/summary-reporter.ts'],
  },
});
