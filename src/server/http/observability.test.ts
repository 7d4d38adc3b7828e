import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { prepareDatabase } from '../bootstrap.js';
import { loadConfig } from '../config.js';
import { openDb, type DbHandle } from '../db/client.js';
import { systemClock } from '../lib/clock.js';
import { shutdown } from '../shutdown.js';
import { createServerDatabase } from '../test/test-app.js';

/**
 * Request ids, metrics, readiness and graceful shutdown, on a real listening server with its logger writing to
 * memory. One app for the file; the shutdown test runs last (it closes the app).
 */
const TOKEN = 'metrics-token-for-tests-0123456789';
const lines: Record<string, unknown>[] = [];
let app: FastifyInstance;
let handle: DbHandle;
let base: string;
let drop: (() => Promise<void>) | undefined;
let releaseSlow: () => void = () => {};
const events: string[] = [];

beforeAll(async () => {
  const server = process.env.DATABASE_URL ? await createServerDatabase(process.env.DATABASE_URL) : undefined;
  drop = server && (() => server.drop());
  const config = loadConfig({
    NODE_ENV: 'test',
    DEMO_DATA: 'false',
    WEB_DIST: '/nonexistent',
    METRICS_TOKEN: TOKEN,
    LOG_LEVEL: 'info',
  });
  handle = await openDb({ url: server?.url, dataDir: server ? undefined : 'memory://' });
  const built = await buildApp(
    { db: handle.db, dbKind: handle.kind, config, clock: systemClock },
    {
      logger: true,
      logStream: { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) },
      poolStats: handle.poolStats,
    },
  );
  app = built.app;
  // a request that takes as long as the test says, to be in flight during shutdown; and one that logs
  app.get(
    '/api/test/slow',
    {
      config: { audience: 'public' },
      onResponse: (_req, reply, done) => {
        events.push(`slow request answered ${reply.statusCode}`);
        done();
      },
    },
    async () => {
      await new Promise<void>((resolve) => (releaseSlow = resolve));
      return { done: true };
    },
  );
  app.get('/api/test/log', { config: { audience: 'public' } }, async (req) => {
    req.log.info('a line written while handling the request');
    return { ok: true };
  });
  await prepareDatabase(handle, config, built.services);
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}, 300_000);

afterAll(async () => {
  if (!app.lifecycle.shuttingDown) await shutdown(app, handle, { drainMs: 0 });
  await drop?.();
});

describe('request id', () => {
  it('keeps a well-formed X-Request-Id, echoes it, and puts it on every log line of the request', async () => {
    const id = `req-${randomUUID()}`;
    const res = await fetch(`${base}/api/test/log`, { headers: { 'x-request-id': id } });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe(id);
    const mine = lines.filter((l) => l.requestId === id);
    // the handler's own line and the one "request completed" line (http/request-log.ts writes no "incoming" line)
    expect(mine.map((l) => l.msg)).toEqual(
      expect.arrayContaining(['a line written while handling the request', 'request completed']),
    );
    // no line about this request is without the id
    expect(
      lines.filter((l) => (l.req as { url?: string } | undefined)?.url === '/api/test/log' && !l.requestId),
    ).toEqual([]);
  });

  it('replaces an id that is not well-formed (a log or header injection) with a fresh UUID', async () => {
    for (const bad of ['short', 'has space in it', 'x'.repeat(200), 'inject"quote"ids', 'ümlaut-id-123']) {
      const res = await fetch(`${base}/api/health`, { headers: { 'x-request-id': bad } });
      const echoed = res.headers.get('x-request-id');
      expect(echoed).not.toBe(bad);
      expect(echoed).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
  });

  it('puts the request id in every error body: domain errors, validation, not found, malformed JSON', async () => {
    const cases: [string, RequestInit][] = [
      ['/api/auth/me', {}],
      ['/api/nowhere', {}],
      [
        '/api/auth/login',
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 1 }) },
      ],
      ['/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"user' }],
    ];
    for (const [url, init] of cases) {
      const res = await fetch(`${base}${url}`, init);
      expect(res.status).toBeGreaterThanOrEqual(400);
      const body = (await res.json()) as { error: { code: string; requestId: string } };
      expect(body.error.requestId, url).toBe(res.headers.get('x-request-id'));
      expect(lines.some((l) => l.requestId === body.error.requestId)).toBe(true);
    }
  });
});

describe('metrics', () => {
  const scrape = () => fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });

  it('refuses a scrape without the bearer token', async () => {
    expect((await fetch(`${base}/metrics`)).status).toBe(401);
    expect((await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
  });

  it('reports latency by route pattern and status class, login failures and database connections', async () => {
    await fetch(`${base}/api/health`);
    await fetch(`${base}/api/health`);
    // a parameterised URL is counted under its pattern, never its raw id
    const id = randomUUID();
    await fetch(`${base}/api/org-units/${id}`);
    for (let i = 0; i < 2; i++)
      await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: base },
        body: JSON.stringify({ username: 'nobody-here', password: 'wrong password' }),
      });
    const res = await scrape();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/api\/health",status_class="2xx"\} [2-9]/,
    );
    expect(text).toMatch(/http_request_duration_seconds_bucket\{le="0.1",method="GET",route="\/api\/health"/);
    expect(text).toContain('route="/api/org-units/:id",status_class="4xx"');
    expect(text).not.toContain(id);
    expect(text).toMatch(/steerboard_login_failures_total\{reason="invalid_credentials"\} 2/);
    expect(text).toMatch(new RegExp(`steerboard_db_connections\\{state="total",db="${handle.kind}"\\} [1-9]`));
    expect(text).toMatch(/steerboard_db_connections\{state="waiting",db="\w+"\} 0/);
    expect(text).toMatch(/steerboard_background_jobs 0/);
  });

  it('is not served at all without METRICS_TOKEN', async () => {
    const { app: bare } = await buildApp({
      db: handle.db,
      dbKind: handle.kind,
      config: loadConfig({ NODE_ENV: 'test', WEB_DIST: '/nonexistent' }),
      clock: systemClock,
    });
    try {
      const res = await bare.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer ' } });
      expect(res.statusCode).toBe(404);
    } finally {
      await bare.close();
    }
  });
});

describe('readiness and graceful shutdown', () => {
  it('is ready with the database up and every migration applied; liveness is a separate route', async () => {
    const res = await fetch(`${base}/api/ready`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: 'ready',
      checks: { db: 'ok', migrations: 'applied', shuttingDown: false },
    });
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
  });

  it('turns readiness false first, finishes a request in flight, then stops accepting and closes the database', async () => {
    const slow = fetch(`${base}/api/test/slow`).then(async (res) => (await res.json()) as unknown);
    await sleep(100); // the request has reached its handler
    const stopped = shutdown(
      app,
      {
        close: async () => {
          events.push('database closed');
          await handle.close();
        },
      },
      { drainMs: 600 },
    );
    // during the drain: still accepting, but not ready
    const ready = await fetch(`${base}/api/ready`);
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as { checks: { shuttingDown: boolean } }).checks.shuttingDown).toBe(true);
    events.push('readiness 503');
    await sleep(900); // past the drain: the server is closing while the slow request is still in flight
    expect(events, 'shutdown waits for the request in flight').toEqual(['readiness 503']);
    releaseSlow();
    expect(await slow).toEqual({ done: true });
    await stopped;
    expect(events).toEqual(['readiness 503', 'slow request answered 200', 'database closed']);
    // no longer accepting
    await expect(fetch(`${base}/api/health`, { headers: { connection: 'close' } })).rejects.toThrow();
  });
});
