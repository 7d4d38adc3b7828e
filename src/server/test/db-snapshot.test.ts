// API test files start from the run's prepared database (db-snapshot.ts): a copy must hold exactly what preparing a
// fresh database gives, or every test built on it would test something the app never starts with.
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { rowsOf } from '../db/client.js';
import { fixedClock } from '../lib/clock.js';
import { createTestContext, snapshotFor, type TestContext } from './test-app.js';

const rowCounts = async (ctx: TestContext) => {
  const tables = rowsOf<{ t: string }>(
    await ctx.handle.db.execute(sql`select tablename as t from pg_tables where schemaname = 'public' order by 1`),
  ).map((r) => r.t);
  const counts: Record<string, number> = {};
  for (const t of tables) {
    const [row] = rowsOf<{ n: number }>(await ctx.handle.db.execute(sql.raw(`select count(*)::int as n from "${t}"`)));
    counts[t] = row?.n ?? -1;
  }
  return counts;
};

describe('the run’s prepared database', () => {
  const opened: TestContext[] = [];
  const open = async (opts: Parameters<typeof createTestContext>[0]) => {
    const ctx = await createTestContext(opts);
    opened.push(ctx);
    return ctx;
  };
  afterAll(async () => {
    for (const ctx of opened) await ctx.close();
  });

  it('is made for this run, on this run’s engine', () => {
    const snapshot = inject('dbSnapshot');
    if (process.env.TEST_DB_SNAPSHOT === '0') return expect(snapshot).toBeNull();
    expect(snapshot).toEqual(
      process.env.DATABASE_URL ? { template: expect.any(String) } : { pgliteTarball: expect.any(String) },
    );
  });

  it('gives a copy holding every row a freshly prepared database holds, and the demo logins work on it', async () => {
    const copy = await open({});
    expect(copy.preparedFrom).toBe(inject('dbSnapshot') ? 'snapshot' : 'fresh');
    const fresh = await open({ snapshot: null });
    expect(fresh.preparedFrom).toBe('fresh');
    expect(await rowCounts(copy)).toEqual(await rowCounts(fresh));
    await copy.login('secretariat');
  });

  it('is used only where the preparation would be the same', () => {
    const tarball = { pgliteTarball: '/tmp/x.tar' };
    const template = { template: 'steerboard_t_x' };
    const url = 'postgres://h/db';
    expect(snapshotFor({}, tarball, undefined)).toBe(tarball);
    expect(snapshotFor({}, template, url)).toBe(template);
    expect(snapshotFor({ env: { SESSION_CACHE_SECONDS: '0', DX_SUPPRESS_BELOW: '2' } }, tarball, undefined)).toBe(
      tarball,
    );
    // the other engine's snapshot, or none
    expect(snapshotFor({}, tarball, url)).toBeNull();
    expect(snapshotFor({}, template, undefined)).toBeNull();
    expect(snapshotFor({}, null, undefined)).toBeNull();
    // options that change what the preparation writes
    expect(snapshotFor({ clock: fixedClock('2024-01-01T00:00:00Z') }, tarball, undefined)).toBeNull();
    expect(snapshotFor({ demo: false }, tarball, undefined)).toBeNull();
    expect(snapshotFor({ database: { dataDir: '/tmp/d' } }, tarball, undefined)).toBeNull();
    expect(snapshotFor({ env: { ADMIN_USERNAME: 'a', ADMIN_PASSWORD: 'b' } }, tarball, undefined)).toBeNull();
    expect(snapshotFor({ env: { PUBLIC_ORIGIN: 'https://x.example.vn' } }, tarball, undefined)).toBeNull();
  });
});
