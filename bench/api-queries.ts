/**
 * Queries per request for the reads `npm run bench:api` drives: in-memory PGlite with the demo data, every query the
 * app sends counted (and timed) at the PGlite client, each request made 20 times through `inject`, one at a time.
 *
 *   npx tsx bench/api-queries.ts                  # the table
 *   npx tsx bench/api-queries.ts --show dashboard # and the SQL of one request
 *
 * SQL time can exceed the total when a request runs queries in parallel: PGlite runs them one after another.
 */
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { buildApp } from '../src/server/app.js';
import { prepareDatabase } from '../src/server/bootstrap.js';
import { parseArgs } from '../src/server/cli/args.js';
import { loadConfig } from '../src/server/config.js';
import type { Db } from '../src/server/db/client.js';
import * as schema from '../src/server/db/schema/index.js';
import { systemClock } from '../src/server/lib/clock.js';

const a = parseArgs(process.argv.slice(2));
const show = typeof a.show === 'string' ? a.show : null;
const RUNS = 20;

const client = new PGlite('memory://');
await client.waitReady;
let count = 0;
let sqlMs = 0;
const seen: string[] = [];
const query = client.query.bind(client);
client.query = (async (...args: Parameters<typeof query>) => {
  const t = performance.now();
  try {
    return await query(...args);
  } finally {
    count++;
    sqlMs += performance.now() - t;
    seen.push(args[0].replace(/\s+/g, ' ').slice(0, 300));
  }
}) as typeof client.query;
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
type Items = { items: { id: string; status?: string }[] };
const c: Record<string, string> = {};
for (const u of ['secretariat', 'viewer', 'team1', 'unit-stttt']) c[u] = await login(u);
const get = async <T>(cookie: string, url: string) => (await app.inject({ url, headers: { cookie } })).json<T>();
const inspections = (await get<Items>(c.secretariat, '/api/inspections?limit=100')).items;
const issued = inspections.find((i) => i.status === 'issued')!;
const rounds = (await get<Items>(c.secretariat, '/api/reporting-rounds')).items;
const round = await get<{ id: string; units: { orgUnit: { id: string } }[] }>(
  c.secretariat,
  `/api/reporting-rounds/${rounds[0].id}`,
);
const dx = (await get<Items>(c.secretariat, '/api/dx/assessments?status=submitted&limit=1')).items;

const list: [string, string | null, string][] = [
  ['health', null, '/api/health'],
  ['me', c.viewer, '/api/auth/me'],
  ['dashboard', c.viewer, '/api/dashboard'],
  ['inspection-plans', c.secretariat, '/api/inspection-plans'],
  ['inspections', c.team1, '/api/inspections'],
  ['inspection-detail', c.team1, `/api/inspections/${issued.id}`],
  ['follow-ups', c['unit-stttt'], '/api/follow-ups'],
  ['monitoring-dashboard', c.secretariat, '/api/monitoring/dashboard'],
  ['indicators', c.viewer, '/api/indicators'],
  ['unit-report', c.secretariat, `/api/reporting-rounds/${round.id}/reports/${round.units[0].orgUnit.id}`],
  ['dx-report', c.secretariat, `/api/dx/assessments/${dx[0].id}/report`],
  ['dx-breakdown', c.viewer, '/api/dx/analytics/breakdown?groupBy=year'],
];
console.log('| request | queries per request | SQL ms | total ms | body bytes |\n|---|---|---|---|---|');
for (const [name, cookie, url] of list) {
  const headers = cookie ? { cookie } : {};
  for (let i = 0; i < 3; i++) await app.inject({ url, headers });
  count = 0;
  sqlMs = 0;
  seen.length = 0;
  let bytes = 0;
  const t = performance.now();
  for (let i = 0; i < RUNS; i++) {
    const r = await app.inject({ url, headers });
    if (r.statusCode !== 200) throw new Error(`${name}: ${r.statusCode} ${r.body.slice(0, 200)}`);
    bytes = r.body.length;
  }
  const total = (performance.now() - t) / RUNS;
  console.log(
    `| ${name} | ${count / RUNS} | ${(sqlMs / RUNS).toFixed(1)} | ${total.toFixed(1)} | ${bytes.toLocaleString('en-US')} |`,
  );
  if (show === name) console.log(seen.slice(0, count / RUNS).join('\n'));
}
await app.close();
await client.close();
