/**
 * The app in this process on an in-memory PGlite with the demo data, as the in-process benches use it
 * (`bench/api-queries.ts`, `bench/serialize.ts`): log in per role, and the reads `npm run bench:api` drives with the
 * ids they need (an issued inspection, a reporting round's first unit, a submitted DX assessment).
 */
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { createChangeFeed } from '../../src/server/db/change-feed.js';
import { trackPglite } from '../../src/server/db/change-tracking.js';
import { buildApp } from '../../src/server/app.js';
import { prepareDatabase } from '../../src/server/bootstrap.js';
import { loadConfig } from '../../src/server/config.js';
import type { Db } from '../../src/server/db/client.js';
import * as schema from '../../src/server/db/schema/index.js';
import { systemClock } from '../../src/server/lib/clock.js';

/**
 * `client` can be instrumented (e.g. its `query` wrapped) by `beforeDrizzle`, before the app gets it. The read cache is
 * off: these benches measure what a read computes (the first read after any write), never a replayed answer.
 */
export async function startInProcessApp(beforeDrizzle?: (client: PGlite) => void) {
  const client = new PGlite('memory://');
  await client.waitReady;
  beforeDrizzle?.(client);
  const changes = createChangeFeed();
  trackPglite(client, changes);
  const db = drizzle(client, { schema }) as unknown as Db;
  const config = loadConfig({ NODE_ENV: 'development', WEB_DIST: '/nonexistent', READ_CACHE_MB: '0' });
  const { app, services } = await buildApp({ db, dbKind: 'pglite', changes, config, clock: systemClock });
  // no pool and no other instance here: the handle's pool figures and start-up lock are trivial
  await prepareDatabase(
    {
      db,
      kind: 'pglite',
      changes,
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

export { benchReads, type BenchRead } from '../../src/server/test/bench-reads.js';
