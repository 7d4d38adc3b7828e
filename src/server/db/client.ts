import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { randomUUID } from 'node:crypto';
import { createChangeFeed, type ChangeFeed } from './change-feed.js';
import { listenForChanges, trackingClientClass, trackPglite } from './change-tracking.js';
import { lockDataDir } from './dir-lock.js';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
/** The one database type services and repos see: PGlite and node-postgres both satisfy it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction is a PgDatabase too, so repos take either through this one type. */
export type DbOrTx = Db;

/** The rows of a raw `db.execute` result: node-postgres and PGlite return `{ rows }`, older drivers an array. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return (result as { rows?: T[] }).rows ?? [];
}

export interface DbHandle {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
  /** connections open, idle, and requests waiting for one (read by the metrics at scrape time) */
  poolStats: () => { total: number; idle: number; waiting: number };
  /**
   * Runs `fn` while holding a PostgreSQL session advisory lock on its own connection: across every instance on the
   * server, one at a time. If the holder dies, the server ends its connection and so the lock, and the next
   * waiter goes on. PGlite has one process (the data directory lock), so it just runs `fn`.
   */
  exclusive: <T>(key: number, fn: () => Promise<T>) => Promise<T>;
  /** Moves on with every committed write, here or (on a server) on any instance: see change-feed.ts. */
  changes: ChangeFeed;
  /** PGlite only: the whole data directory as an uncompressed tarball, which `openDb({ loadDataDir })` starts from. */
  dumpDataDir?: () => Promise<Blob>;
}

/** How often an embedded database on disk is checkpointed. */
export const CHECKPOINT_EVERY_MS = 60_000;

/**
 * Opens PostgreSQL: a server when `url` is given, otherwise embedded PGlite
 * (`dataDir` on disk, or in memory when it is `memory://`).
 */
export async function openDb(opts: {
  url?: string;
  dataDir?: string;
  checkpointEveryMs?: number;
  /** PGlite only: start from this tarball of a data directory (from `dumpDataDir`) instead of an empty cluster. */
  loadDataDir?: Blob;
}): Promise<DbHandle> {
  if (opts.url) {
    const { default: pg } = await import('pg');
    // DATE columns stay 'YYYY-MM-DD' strings, as on PGlite
    pg.types.setTypeParser(1082, (v: string) => v);
    const { drizzle } = await import('drizzle-orm/node-postgres');
    const changes = createChangeFeed();
    const instanceId = randomUUID();
    const pool = new pg.Pool({
      connectionString: opts.url,
      max: 10,
      Client: trackingClientClass(pg, changes, instanceId),
    });
    const listener = listenForChanges(pg, opts.url, changes, instanceId);
    // an idle connection dropped by the server (restart, failover) must not crash the process: the pool replaces it
    pool.on('error', (err) => console.error(`database connection lost: ${err.message}`));
    const db = drizzle(pool, { schema }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      changes,
      close: async () => {
        await listener.stop();
        await pool.end();
      },
      exclusive: async (key, fn) => {
        const client = await pool.connect();
        let broken = false;
        try {
          await client.query('select pg_advisory_lock($1)', [key]);
          try {
            return await fn();
          } finally {
            await client.query('select pg_advisory_unlock($1)', [key]).catch(() => (broken = true));
          }
        } finally {
          // a connection whose unlock failed may still hold the lock: destroy it rather than return it to the pool
          client.release(broken);
        }
      },
      poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const dataDir = opts.dataDir ?? 'memory://';
  const release = dataDir.startsWith('memory://') ? () => {} : lockDataDir(dataDir);
  try {
    const client = new PGlite(dataDir, opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {});
    await client.waitReady;
    // PGlite is one connection that runs one query or transaction at a time: count what is running or queued on
    // it, so the metrics can say how busy it is (drizzle goes through these two methods)
    let inFlight = 0;
    const query = client.query.bind(client);
    const transaction = client.transaction.bind(client);
    client.query = (async (...args: Parameters<typeof query>) => {
      inFlight++;
      try {
        return await query(...args);
      } finally {
        inFlight--;
      }
    }) as typeof client.query;
    client.transaction = (async (...args: Parameters<typeof transaction>) => {
      inFlight++;
      try {
        return await transaction(...args);
      } finally {
        inFlight--;
      }
    }) as typeof client.transaction;
    const changes = createChangeFeed();
    trackPglite(client, changes);
    const db = drizzle(client, { schema }) as unknown as Db;
    // PGlite runs no checkpointer process: without one its WAL only grows (5 GB after a million-row import) and a
    // restart replays all of it. A checkpoint waits for any open transaction and is nearly free when nothing changed.
    const onDisk = !dataDir.startsWith('memory://');
    const timer = onDisk
      ? setInterval(() => {
          client.exec('checkpoint').catch(() => {});
        }, opts.checkpointEveryMs ?? CHECKPOINT_EVERY_MS)
      : null;
    timer?.unref();
    return {
      db,
      kind: 'pglite',
      changes,
      poolStats: () => ({ total: 1, idle: inFlight ? 0 : 1, waiting: Math.max(0, inFlight - 1) }),
      exclusive: (_key, fn) => fn(),
      dumpDataDir: () => client.dumpDataDir('none'),
      close: async () => {
        if (timer) clearInterval(timer);
        await client.close().finally(release);
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}
