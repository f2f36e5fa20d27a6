/**
 * knip: unused files, exports and dependencies (part of `npm run lint`). WXT's own knip plugin is
 * off because it makes every file under entrypoints/ an entry, which hides their unused exports;
 * the entries are listed here instead: what WXT builds (each entrypoint's index.ts, or the
 * main.tsx its index.html loads, or a one-file entrypoint such as extract.ts), the config files, the Node scripts and the end-to-end tests
 * (the Vitest plugin adds the unit tests).
 */
import type { KnipConfig } from 'knip';

const config: KnipConfig = {
  // (platform/workerSearchEngine.ts, workerEnglish.ts and workerStore.ts are named by path in wxt.config.ts: the background's build resolves imports to each.)
  entry: ['wxt.config.ts', 'entrypoints/*/index.ts', 'entrypoints/*/main.tsx', 'entrypoints/*.ts', 'platform/workerSearchEngine.ts', 'platform/workerEnglish.ts', 'platform/workerStore.ts', 'bench/*.mjs', 'scripts/*.mjs', 'tests/e2e/**/*.e2e.test.ts', 'server/test/**/*.test.ts'],
  project: ['**/*.{ts,tsx,mjs,js}', '!.output/**', '!.wxt/**'],
  wxt: { config: [], entry: [] },
  // A type or interface that an exported function's signature uses is part of that function's API.
  ignoreExportsUsedInFile: { interface: true, type: true },
  ignoreDependencies: [
    // Named by string, not imported: the WXT module in wxt.config.ts `modules` (which the disabled
    // WXT plugin would have read), the polyfill it and @webext-core/messaging load, and its types,
    // which are the types of `browser` from 'wxt/browser'.
    '@wxt-dev/webextension-polyfill',
    'webextension-polyfill',
    '@types/webextension-polyfill',
  ],
};

export default config;
