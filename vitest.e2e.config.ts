import { defineConfig } from 'vitest/config';

// End-to-end tests: the built extension in real Chromium (playwright-core) and Firefox ESR
// (puppeteer-core). One file at a time: each starts its own browser, and this machine has 2 cores.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    testTimeout: 90_000,
    hookTimeout: 90_000,
    fileParallelism: false,
    reporters: ['default'],
  },
});
