import { randomBytes } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Preparing a database (migrations, reference data, the demo data) takes ~6 s on PGlite: most of an API test
// file's own time. The run prepares one database before any file starts (vitest globalSetup, ./global-setup.ts),
// and each file that asks for the default preparation starts from a copy of it: PGlite loads a tarball of the
// data directory, PostgreSQL creates the database from it as a template. prepareDatabase still runs on the copy
// (it is idempotent), so a copy that missed a step is completed, never trusted blindly.

/** What a test file can start from: the prepared demo database, on the engine of this run. */
export type DbSnapshot =
  { pgliteTarball: string; template?: undefined } | { template: string; pgliteTarball?: undefined };

declare module 'vitest' {
  interface ProvidedContext {
    dbSnapshot: DbSnapshot | null;
  }
}

/**
 * Settings a test may change and still start from the snapshot: they act on requests, never on what the
 * preparation writes. Anything else (the first admin, the demo flag, the mail or signing set-up, a fixed clock)
 * prepares its own database.
 */
export const RUNTIME_ONLY_SETTINGS: ReadonlySet<string> = new Set([
  'SESSION_CACHE_SECONDS',
  'LOGIN_MAX_FAILURES',
  'LOGIN_MAX_FAILURES_PER_ADDRESS',
  'LOGIN_WINDOW_MINUTES',
  'PUBLIC_RATE_LIMIT_PER_MINUTE',
  'COOKIE_SECURE',
  'TRUST_PROXY',
  'DX_SUPPRESS_BELOW',
  'READ_CACHE_MB',
  'WEB_DIST',
]);

export const newTarballPath = () => join(tmpdir(), `steerboard-test-db-${randomBytes(6).toString('hex')}.tar`);

export async function writeTarball(path: string, blob: Blob) {
  await writeFile(path, Buffer.from(await blob.arrayBuffer()));
}

export async function readTarball(path: string): Promise<Blob> {
  return new Blob([await readFile(path)]);
}

export const removeTarball = (path: string) => rm(path, { force: true });
