import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.js';
import { prepareDatabase } from '../bootstrap.js';
import { loadConfig, type Config } from '../config.js';
import { openDb, type DbHandle } from '../db/client.js';
import { DEMO_PASSWORD } from '../db/seed/demo-foundation.js';
import { systemClock, type Clock } from '../lib/clock.js';
import type { Services } from '../services.js';

export interface TestContext {
  app: FastifyInstance;
  services: Services;
  handle: DbHandle;
  config: Config;
  /** Logs in and returns the cookie header for `inject`. */
  login(username: string, password?: string): Promise<string>;
  /** `inject` as a logged-in user (cookie from `login`). */
  as(cookie: string, opts: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/**
 * A fresh app on a fresh database with reference and demo data: in-memory PGlite by default,
 * or a new database on the PostgreSQL server named by DATABASE_URL (dropped on close).
 */
export async function createTestContext(opts: { clock?: Clock; demo?: boolean } = {}): Promise<TestContext> {
  const server = process.env.DATABASE_URL ? await createServerDatabase(process.env.DATABASE_URL) : undefined;
  const url = server?.url;
  const config = loadConfig({ NODE_ENV: 'test', DEMO_DATA: opts.demo === false ? 'false' : 'true', WEB_DIST: '/nonexistent', LOGIN_MAX_FAILURES: '5' });
  const handle = await openDb({ url, dataDir: url ? undefined : 'memory://' });
  const { app, services } = await buildApp({ db: handle.db, dbKind: handle.kind, config, clock: opts.clock ?? systemClock });
  await prepareDatabase(handle, config, services);
  await app.ready();

  return {
    app, services, handle, config,
    async login(username, password = DEMO_PASSWORD) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'sb_session');
      if (!cookie) throw new Error('no session cookie');
      return `sb_session=${cookie.value}`;
    },
    as(cookie, o) {
      return app.inject({ ...o, headers: { ...(o.headers ?? {}), cookie } });
    },
    async close() {
      await app.close();
      await handle.close();
      await server?.drop();
    },
  };
}

/**
 * A new empty database on the PostgreSQL server of `serverUrl`: its URL, and `drop` to call once every
 * connection to it has been closed.
 */
export async function createServerDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `steerboard_t_${randomBytes(6).toString('hex')}`;
  const { default: pg } = await import('pg');
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  const drop = async () => {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    try {
      // the pool's sockets may still be closing: wait for them rather than have the server kill them
      // (a killed connection surfaces as an uncaught 57P01 in whichever test file runs next)
      for (let attempt = 0; ; attempt++) {
        try {
          await c.query(`drop database if exists ${name}`);
          break;
        } catch (err) {
          if ((err as { code?: string }).code !== '55006' || attempt >= 40) throw err;
          await new Promise((r) => setTimeout(r, 250));
        }
      }
    } finally {
      await c.end();
    }
  };
  return { url: u.toString(), drop };
}

/** Unique text for factory-made data, so tests never collide on shared databases. */
export const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;

/** The fields named by a validation error response (`details.issues[].field`), for asserting which input was refused. */
export const issueFields = (res: { json(): { error: { details: { issues: { field: string }[] } } } }) =>
  res.json().error.details.issues.map((i) => i.field);
