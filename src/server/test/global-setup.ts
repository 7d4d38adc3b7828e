import type { TestProject } from 'vitest/node';
import { newTarballPath, removeTarball, writeTarball, type DbSnapshot } from './db-snapshot.js';
import { createServerDatabase, createTestContext } from './test-app.js';

/**
 * Prepares the run's demo database once (see ./db-snapshot.ts) and hands its location to every test file;
 * removes it when the run ends. `TEST_DB_SNAPSHOT=0` turns it off (every file prepares its own).
 */
export default async function setup(project: TestProject) {
  if (process.env.TEST_DB_SNAPSHOT === '0') {
    project.provide('dbSnapshot', null);
    return;
  }
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const server = await createServerDatabase(serverUrl);
    const ctx = await createTestContext({ database: { url: server.url }, snapshot: null });
    await ctx.close();
    const template = new URL(server.url).pathname.slice(1);
    project.provide('dbSnapshot', { template } satisfies DbSnapshot);
    return () => server.drop();
  }
  const ctx = await createTestContext({ snapshot: null });
  const path = newTarballPath();
  try {
    await writeTarball(path, await ctx.handle.dumpDataDir!());
  } finally {
    await ctx.close();
  }
  project.provide('dbSnapshot', { pgliteTarball: path } satisfies DbSnapshot);
  return () => removeTarball(path);
}
