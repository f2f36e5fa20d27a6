import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { corpusPlugin } from './corpus/vitePlugin';

// WxtVitest gives unit tests WXT's fake browser (@webext-core/fake-browser) and its aliases,
// so message handlers are tested as they run in the worker, minus the real browser.
export default defineConfig({
  plugins: [WxtVitest(), corpusPlugin()],
  test: {
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['node_modules/**', '.output/**', 'tests/e2e/**', 'server/**'],
    // A limit for a loaded machine, not a timing assertion (timing is bench/'s): the store's tests
    // run several IndexedDB writes and restarts, ~1 s each when quiet, past 5 s under a load of 15.
    testTimeout: 30_000,
  },
});
