/**
 * The app in this process on an in-memory PGlite with the demo data, as the in-process benches use it
 * (`bench/api-queries.ts`, `bench/serialize.ts`): log in per role, and the reads `npm run bench:api` drives with the
 * ids they need (an issued inspection, a reporting round's first unit, a submitted DX assessment).
 */
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { buildApp } from '../../src/server/app.js';
import { prepareDatabase } from '../../src/server/bootstrap.js';
import { loadConfig } from '../../src/server/config.js';
import type { Db } from '../../src/server/db/client.js';
import * as schema from '../../src/server/db/schema/index.js';
import { systemClock } from '../../src/server/lib/clock.js';

/** `client` can be instrumented (e.g. its `query` wrapped) by `beforeDrizzle`, before the app gets it. */
export async function startInProcessApp(beforeDrizzle?: (client: PGlite) => void) {
  const client = new PGlite('memory://');
  await client.waitReady;
  beforeDrizzle?.(client);
  const db = drizzle(client, { schema }) as unknown as Db;
  const config = loadConfig({ NODE_ENV: 'development', WEB_DIST: '/nonexistent' });
  const { app, services } = await buildApp({ db, dbKind: 'pglite', config, clock: systemClock });
  // no pool and no other instance here: the handle's pool figures and start-up lock are trivial
  await prepareDatabase(
    {
      db,
      kind: 'pglite',
      close: async () => {},
      poolStats: () => ({ total: 1, idle: 1, waiting: 0 }),
      exclusive: (_key, fn) => fn(),
    },
    config,
    services,
  );
  await app.ready();

  async function login(username: string) {
    const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'demo' } });
    return `sb_session=${r.cookies.find((c) => c.name === 'sb_session')!.value}`;
  }
  /** The body of a 200 response (anything else throws). */
  async function get(cookie: string, url: string) {
    const r = await app.inject({ url, headers: { cookie } });
    if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode} ${r.body.slice(0, 200)}`);
    return r.body;
  }
  async function close() {
    await app.close();
    await client.close();
  }
  return { app, client, db, services, login, get, close };
}

export type BenchRead = { name: string; cookie: string | null; url: string; route: string };
type Items = { items: { id: string; status?: string }[] };

/** The reads `npm run bench:api` drives (plus health and me), with their route keys in the route table. */
export async function benchReads(run: Awaited<ReturnType<typeof startInProcessApp>>): Promise<BenchRead[]> {
  const c: Record<string, string> = {};
  for (const u of ['secretariat', 'viewer', 'team1', 'unit-stttt']) c[u] = await run.login(u);
  const items = async (cookie: string, url: string) => (JSON.parse(await run.get(cookie, url)) as Items).items;
  const issued = (await items(c.secretariat, '/api/inspections?limit=100')).find((i) => i.status === 'issued')!;
  const rounds = await items(c.secretariat, '/api/reporting-rounds');
  const round = JSON.parse(await run.get(c.secretariat, `/api/reporting-rounds/${rounds[0].id}`)) as {
    id: string;
    units: { orgUnit: { id: string } }[];
  };
  const dx = await items(c.secretariat, '/api/dx/assessments?status=submitted&limit=1');
  const r = (name: string, cookie: string | null, url: string, route: string): BenchRead => ({
    name,
    cookie,
    url,
    route,
  });
  return [
    r('health', null, '/api/health', 'GET /api/health'),
    r('me', c.viewer, '/api/auth/me', 'GET /api/auth/me'),
    r('dashboard', c.viewer, '/api/dashboard', 'GET /api/dashboard'),
    r('inspection-plans', c.secretariat, '/api/inspection-plans', 'GET /api/inspection-plans'),
    r('inspections', c.team1, '/api/inspections', 'GET /api/inspections'),
    r('inspection-detail', c.team1, `/api/inspections/${issued.id}`, 'GET /api/inspections/{id}'),
    r('follow-ups', c['unit-stttt'], '/api/follow-ups', 'GET /api/follow-ups'),
    r('monitoring-dashboard', c.secretariat, '/api/monitoring/dashboard', 'GET /api/monitoring/dashboard'),
    r('indicators', c.viewer, '/api/indicators', 'GET /api/indicators'),
    r(
      'unit-report',
      c.secretariat,
      `/api/reporting-rounds/${round.id}/reports/${round.units[0].orgUnit.id}`,
      'GET /api/reporting-rounds/{id}/reports/{orgUnitId}',
    ),
    r('dx-report', c.secretariat, `/api/dx/assessments/${dx[0].id}/report`, 'GET /api/dx/assessments/{id}/report'),
    r('dx-breakdown', c.viewer, '/api/dx/analytics/breakdown?groupBy=year', 'GET /api/dx/analytics/breakdown'),
  ];
}
