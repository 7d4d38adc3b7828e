import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globals: true,
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    // PGlite boots a WASM Postgres per test file; give cold starts room on a 2-core machine
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // one prepared demo database for the whole run, copied by each API test file (src/server/test/db-snapshot.ts)
    globalSetup: ['src/server/test/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
  },
});
