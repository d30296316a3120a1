import { defineConfig } from 'vitest/config';

// Suites: unit tests beside nothing else run fast; tests/site/* build the seed site once
// (tests/global-setup.ts) and read dist/ with a parser; tests/browser/* drive Chromium.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default'],
  },
});
