import { defineConfig } from 'vitest/config';

// The team server's tests (server/): each file starts its own throwaway PostgreSQL cluster on
// 127.0.0.1 (Debian's postgresql package, server/src/cluster.ts), never a mock. One file at a time
// (this machine has 2 cores); `npm run test:server`, part of `npm test`. The unit run leaves server/ out.
export default defineConfig({
  test: {
    include: ['server/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
