import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, inject } from 'vitest';
import { buildApp } from '../app.js';
import { prepareDatabase } from '../bootstrap.js';
import { loadConfig, type Config } from '../config.js';
import { openDb, type DbHandle } from '../db/client.js';
import { DEMO_PASSWORD } from '../db/seed/demo-foundation.js';
import { systemClock, type Clock } from '../lib/clock.js';
import type { Services } from '../services.js';
import { readTarball, RUNTIME_ONLY_SETTINGS, type DbSnapshot } from './db-snapshot.js';
import { factories, type Factories } from './factories.js';

export interface TestContext {
  app: FastifyInstance;
  services: Services;
  handle: DbHandle;
  config: Config;
  /** Whether the database started as a copy of the run's prepared one (db-snapshot.ts) or was prepared here. */
  preparedFrom: 'snapshot' | 'fresh';
  /** Logs in and returns the cookie header for `inject`. */
  login(username: string, password?: string): Promise<string>;
  /** `inject` as a logged-in user (cookie from `login`). */
  as(cookie: string, opts: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** A database a test names instead of a fresh one: an on-disk PGlite directory, or a database on a server. */
export type TestDatabase = { dataDir: string; url?: undefined } | { url: string; dataDir?: undefined };

/**
 * A fresh app on a fresh database with reference and demo data: in-memory PGlite by default,
 * or a new database on the PostgreSQL server named by DATABASE_URL (dropped on close).
 * With `database`, the app runs on that one instead (prepared the same way, idempotently; kept on close), e.g. to
 * start a second app on the same data, or to leave a database for a CLI.
 */
export async function createTestContext(
  opts: {
    clock?: Clock;
    demo?: boolean;
    env?: Record<string, string>;
    database?: TestDatabase;
    /** start from this prepared database (default: the run's snapshot when the options allow it; `null`: never) */
    snapshot?: DbSnapshot | null;
  } = {},
): Promise<TestContext> {
  const snapshot = opts.snapshot === undefined ? runSnapshotFor(opts) : opts.snapshot;
  const server =
    !opts.database && process.env.DATABASE_URL
      ? await createServerDatabase(process.env.DATABASE_URL, snapshot?.template)
      : undefined;
  const url = opts.database ? opts.database.url : server?.url;
  const config = loadConfig({
    NODE_ENV: 'test',
    DEMO_DATA: opts.demo === false ? 'false' : 'true',
    WEB_DIST: '/nonexistent',
    LOGIN_MAX_FAILURES: '5',
    ...opts.env,
  });
  const handle = await openDb({
    url,
    dataDir: url ? undefined : (opts.database?.dataDir ?? 'memory://'),
    loadDataDir:
      !url && !opts.database && snapshot?.pgliteTarball ? await readTarball(snapshot.pgliteTarball) : undefined,
  });
  const { app, services } = await buildApp(
    { db: handle.db, dbKind: handle.kind, changes: handle.changes, config, clock: opts.clock ?? systemClock },
    { poolStats: handle.poolStats },
  );
  try {
    await prepareDatabase(handle, config, services);
    await app.ready();
  } catch (e) {
    await handle.close();
    throw e;
  }

  return {
    app,
    services,
    handle,
    config,
    preparedFrom: snapshot && !opts.database ? 'snapshot' : 'fresh',
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

function runSnapshotFor(opts: SnapshotOptions) {
  let provided: DbSnapshot | null;
  try {
    provided = inject('dbSnapshot') ?? null;
  } catch {
    return null; // outside a vitest worker (a script, the global set-up itself)
  }
  return snapshotFor(opts, provided, process.env.DATABASE_URL);
}

type SnapshotOptions = { clock?: Clock; demo?: boolean; env?: Record<string, string>; database?: TestDatabase };

/**
 * The run's prepared database (./db-snapshot.ts), when a context with these options would prepare the same one:
 * the demo data, the system clock, a fresh database, and only settings that do not change the preparation.
 */
export function snapshotFor(opts: SnapshotOptions, provided: DbSnapshot | null, serverUrl: string | undefined) {
  if (!provided || opts.database || opts.clock || opts.demo === false) return null;
  if (Object.keys(opts.env ?? {}).some((k) => !RUNTIME_ONLY_SETTINGS.has(k))) return null;
  // a snapshot made for the other engine is no use here
  return (provided.template !== undefined) === (serverUrl !== undefined) ? provided : null;
}

/**
 * A new database on the PostgreSQL server of `serverUrl` (empty, or a copy of `template`): its URL, and `drop` to
 * call once every connection to it has been closed.
 */
export async function createServerDatabase(
  serverUrl: string,
  template?: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `steerboard_t_${randomBytes(6).toString('hex')}`;
  const { default: pg } = await import('pg');
  // a statement on the server's maintenance connection, retried while the database it names is still in use (55006):
  // a template's or a closed pool's last sockets may still be closing; waiting beats having the server kill them
  // (a killed connection surfaces as an uncaught 57P01 in whichever test file runs next)
  const whenFree = async (statement: string) => {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    try {
      for (let attempt = 0; ; attempt++) {
        try {
          return await c.query(statement);
        } catch (err) {
          if ((err as { code?: string }).code !== '55006' || attempt >= 40) throw err;
          await new Promise((r) => setTimeout(r, 250));
        }
      }
    } finally {
      await c.end();
    }
  };
  await whenFree(template ? `create database ${name} template ${template}` : `create database ${name}`);
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return { url: u.toString(), drop: async () => void (await whenFree(`drop database if exists ${name}`)) };
}

/** A demo account whose session a test file may ask `useTestContext` for. */
export type DemoLogin = 'admin' | 'secretariat' | 'viewer';

export interface UsedTestContext<L extends DemoLogin> {
  /** The file's app and database; usable inside tests and hooks (it forwards to the context `beforeAll` built). */
  ctx: TestContext;
  /** Factories on that database, resolved at each call. */
  f: Factories;
  /** The session cookie of each demo account named in `login`, e.g. `cookies.secretariat`. */
  cookies: Readonly<Record<L, string>>;
}

/**
 * The set-up every API test file shares: one fresh context for the file, built in `beforeAll` (with the demo
 * accounts in `login` logged in) and closed in `afterAll`, both registered here. Call it at the top of the file;
 * what it returns may be destructured there and filled before the first test runs.
 */
export function useTestContext<L extends DemoLogin = never>(
  opts: { clock?: Clock; demo?: boolean; login?: readonly L[]; env?: Record<string, string> } = {},
): UsedTestContext<L> {
  let built: { ctx: TestContext; f: Factories } | undefined;
  const need = () => {
    if (!built) throw new Error('useTestContext: the context is built in beforeAll; use it inside tests and hooks');
    return built;
  };
  const cookies = {} as Record<L, string>;
  beforeAll(async () => {
    const ctx = await createTestContext({ clock: opts.clock, demo: opts.demo, env: opts.env });
    built = { ctx, f: factories(ctx.handle.db, ctx.services) };
    for (const name of opts.login ?? []) cookies[name] = await ctx.login(name);
  });
  afterAll(async () => {
    await built?.ctx.close();
  });

  const ctx: TestContext = {
    get app() {
      return need().ctx.app;
    },
    get services() {
      return need().ctx.services;
    },
    get handle() {
      return need().ctx.handle;
    },
    get config() {
      return need().ctx.config;
    },
    get preparedFrom() {
      return need().ctx.preparedFrom;
    },
    login: (username, password) => need().ctx.login(username, password),
    as: (c, o) => need().ctx.as(c, o),
    close: () => need().ctx.close(),
  };
  const f = new Proxy({} as Factories, { get: (_, key) => Reflect.get(need().f, key) });
  return { ctx, f, cookies };
}

export { unique } from './factories.js';

/** The fields named by a validation error response (`details.issues[].field`), for asserting which input was refused. */
export const issueFields = (res: { json(): { error: { details: { issues: { field: string }[] } } } }) =>
  res.json().error.details.issues.map((i) => i.field);
