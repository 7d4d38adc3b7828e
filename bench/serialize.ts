/**
 * What writing one response costs: the zod path (fastify-type-provider-zod: `z.encode` then `JSON.stringify`) against
 * fast-json-stringify from the response's JSON Schema (`src/server/http/serialize.ts`), on the real responses of the
 * reads `npm run bench:api` drives and of a few long lists (in-memory PGlite with the demo data). Both run in this
 * process, alternately, on the same values, so a loaded machine slows both alike: compare the columns, not the runs.
 *
 *   npx tsx bench/serialize.ts [--ms 300]     # time per request and serialiser
 */
import { isDeepStrictEqual } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { z } from 'zod';
import { buildApp } from '../src/server/app.js';
import { prepareDatabase } from '../src/server/bootstrap.js';
import { intArg, parseArgs } from '../src/server/cli/args.js';
import { loadConfig } from '../src/server/config.js';
import type { Db } from '../src/server/db/client.js';
import * as schema from '../src/server/db/schema/index.js';
import { planFor } from '../src/server/http/serialize.js';
import { systemClock } from '../src/server/lib/clock.js';
import { apiRoutes, type ApiRoute } from '../src/shared/contracts/api-routes.js';

const a = parseArgs(process.argv.slice(2));
const budgetMs = intArg(a.ms, 'ms', 300);
const client = new PGlite('memory://');
await client.waitReady;
const db = drizzle(client, { schema }) as unknown as Db;
const config = loadConfig({ NODE_ENV: 'development', WEB_DIST: '/nonexistent' });
const { app, services } = await buildApp({ db, dbKind: 'pglite', config, clock: systemClock });
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
type Items = { items: { id: string; status?: string }[] };
const c: Record<string, string> = {};
for (const u of ['secretariat', 'viewer', 'team1', 'unit-stttt', 'admin']) c[u] = await login(u);
const get = async (cookie: string, url: string) => {
  const r = await app.inject({ url, headers: { cookie } });
  if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode} ${r.body.slice(0, 200)}`);
  return r.body;
};
const items = async (cookie: string, url: string) => (JSON.parse(await get(cookie, url)) as Items).items;
const issued = (await items(c.secretariat, '/api/inspections?limit=100')).find((i) => i.status === 'issued')!;
const rounds = await items(c.secretariat, '/api/reporting-rounds');
const round = JSON.parse(await get(c.secretariat, `/api/reporting-rounds/${rounds[0].id}`)) as {
  id: string;
  units: { orgUnit: { id: string } }[];
};
const dx = await items(c.secretariat, '/api/dx/assessments?status=submitted&limit=1');

const list: [name: string, cookie: string, url: string, route: string][] = [
  ['me', c.viewer, '/api/auth/me', 'GET /api/auth/me'],
  ['dashboard', c.viewer, '/api/dashboard', 'GET /api/dashboard'],
  ['inspection-plans', c.secretariat, '/api/inspection-plans', 'GET /api/inspection-plans'],
  ['inspections', c.team1, '/api/inspections', 'GET /api/inspections'],
  ['inspection-detail', c.team1, `/api/inspections/${issued.id}`, 'GET /api/inspections/{id}'],
  ['follow-ups', c['unit-stttt'], '/api/follow-ups', 'GET /api/follow-ups'],
  ['monitoring-dashboard', c.secretariat, '/api/monitoring/dashboard', 'GET /api/monitoring/dashboard'],
  ['indicators', c.viewer, '/api/indicators', 'GET /api/indicators'],
  [
    'unit-report',
    c.secretariat,
    `/api/reporting-rounds/${round.id}/reports/${round.units[0].orgUnit.id}`,
    'GET /api/reporting-rounds/{id}/reports/{orgUnitId}',
  ],
  ['dx-report', c.secretariat, `/api/dx/assessments/${dx[0].id}/report`, 'GET /api/dx/assessments/{id}/report'],
  ['dx-breakdown', c.viewer, '/api/dx/analytics/breakdown?groupBy=year', 'GET /api/dx/analytics/breakdown'],
  ['long: inspections × 100', c.secretariat, '/api/inspections?limit=100', 'GET /api/inspections'],
  ['long: enterprises × 500', c.admin, '/api/enterprises?limit=500', 'GET /api/enterprises'],
  ['long: audit events × 500', c.admin, '/api/audit-events?limit=500', 'GET /api/audit-events'],
];

/** Runs `fn` for about `ms`, returns µs per call. */
function time(fn: () => unknown, ms: number) {
  let n = 0;
  const t = performance.now();
  while (performance.now() - t < ms) for (let i = 0; i < 20; i++, n++) fn();
  return ((performance.now() - t) * 1000) / n;
}

console.log('| response | bytes | zod path µs | fast-json-stringify µs | ratio |\n|---|---|---|---|---|');
const table = apiRoutes as Record<string, ApiRoute>;
for (const [name, cookie, url, route] of list) {
  const schema = table[route].response![200]!;
  // the handler's value: the JSON decoded back through the schema (timestamps become Dates again)
  const value = z.decode(schema, JSON.parse(await get(cookie, url)));
  const plan = planFor(schema);
  if (plan.kind !== 'fast') throw new Error(`${route} is serialised through zod`);
  const viaZod = () => JSON.stringify(z.encode(schema, value));
  const viaFast = () => plan.write(value);
  if (!isDeepStrictEqual(JSON.parse(viaFast()), JSON.parse(viaZod()))) throw new Error(`${name}: the two differ`);
  let zodUs = 0;
  let fastUs = 0;
  for (let round = 0; round < 3; round++) {
    zodUs += time(viaZod, budgetMs / 3);
    fastUs += time(viaFast, budgetMs / 3);
  }
  const bytes = viaFast().length.toLocaleString('en-US');
  console.log(
    `| ${name} | ${bytes} | ${(zodUs / 3).toFixed(1)} | ${(fastUs / 3).toFixed(1)} | ${(zodUs / fastUs).toFixed(1)}× |`,
  );
}
await app.close();
await client.close();
