import { defineConfig } from 'vitest/config';

// Files that replace a module with vi.mock need a module graph of their own (isolation).
const MOCKING = ['src/server/modules/auth/throttle.test.ts'];

export default defineConfig({
  test: {
    globals: true,
    // PGlite boots a WASM Postgres per test file; give cold starts room on a 2-core machine
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'server',
          include: ['src/server/**/*.test.ts'],
          exclude: MOCKING,
          // one prepared demo database for the whole run, copied by each API test file (src/server/test/db-snapshot.ts)
          globalSetup: ['src/server/test/global-setup.ts'],
          // the server's files share a worker's loaded modules (each builds its own app, database and services):
          // loading the server's module graph again for every file was a third of the suite's time
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'isolated',
          include: ['src/web/**/*.test.ts', 'src/web/**/*.test.tsx', 'src/shared/**/*.test.ts', ...MOCKING],
        },
      },
    ],
  },
});
