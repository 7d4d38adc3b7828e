import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { hanoiDate, systemClock, type Clock } from '../lib/clock.js';
import { benchReads, type BenchRead } from '../test/bench-reads.js';
import { createServerDatabase, createTestContext, useTestContext, type TestContext } from '../test/test-app.js';
import { bestDbiAnswers, enterpriseWithAccounts } from '../modules/dx-assessments/test-helpers.js';
import { CACHED_READS } from './read-cache.js';

// a clock that stands still unless a test moves it: an answer is kept within one minute, and a real minute ending
// between two requests would make a hit a miss
let now = new Date();
const clock: Clock = { now: () => new Date(now), today: () => hanoiDate(now) };
const { ctx, f } = useTestContext({ clock });

/** The demo has no scored DX assessment under test settings: one firm submits one (the DX report read needs it). */
async function submittedAssessment() {
  const e = await enterpriseWithAccounts(ctx, f, 1);
  const [me] = e.cookies;
  const id = (await ctx.as(me, { method: 'POST', url: '/api/dx/assessments', payload: { year: 2025 } })).json().id;
  await ctx.as(me, {
    method: 'PATCH',
    url: `/api/dx/assessments/${id}/answers`,
    payload: { answers: bestDbiAnswers() },
  });
  const res = await ctx.as(me, { method: 'POST', url: `/api/dx/assessments/${id}/submit` });
  expect(res.statusCode, res.body).toBe(200);
}

async function readsOf(c: TestContext): Promise<BenchRead[]> {
  return benchReads({
    login: (u) => c.login(u),
    async get(cookie, url) {
      const r = await c.as(cookie, { method: 'GET', url });
      if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode} ${r.body.slice(0, 200)}`);
      return r.body;
    },
  });
}

const get = (c: TestContext, read: BenchRead) => c.as(read.cookie!, { method: 'GET', url: read.url });
// what a cached answer must repeat (the rest are per request: date, request id, length)
const headersOf = (h: Record<string, unknown>) => {
  const { date: _d, 'x-request-id': _r, 'content-length': _l, ...rest } = h;
  return rest;
};

/** Until the feed is live (a server instance listens for the others' writes first). */
async function live(c: TestContext) {
  for (let i = 0; i < 100 && !c.handle.changes.live(); i++) await new Promise((r) => setTimeout(r, 50));
  expect(c.handle.changes.live()).toBe(true);
}

describe('the read cache', () => {
  it('serves each listed read again byte for byte, and serving it writes nothing', async () => {
    await live(ctx);
    await submittedAssessment();
    const reads = (await readsOf(ctx)).filter((r) => CACHED_READS.includes(r.route as never));
    expect(reads.map((r) => r.route).sort()).toEqual([...CACHED_READS].sort());
    for (const read of reads) {
      const g = ctx.handle.changes.generation();
      const hits = ctx.app.readCache.hits;
      const first = await get(ctx, read);
      const second = await get(ctx, read);
      expect(first.statusCode, read.name).toBe(200);
      expect(ctx.handle.changes.generation(), `${read.name} wrote something`).toBe(g);
      expect(ctx.app.readCache.hits, `${read.name} was not served from the cache`).toBe(hits + 1);
      expect(second.body, read.name).toBe(first.body);
      expect(headersOf(second.headers), read.name).toEqual(headersOf(first.headers));
    }
  });

  it('computes again after any committed write, through the API or straight to the database', async () => {
    await live(ctx);
    const cookie = await ctx.login('secretariat');
    const url = '/api/inspection-plans';
    const titleOf = async () => {
      const items = (await ctx.as(cookie, { method: 'GET', url })).json().items as { id: string; title: string }[];
      return items;
    };
    const before = await titleOf();
    await titleOf();
    const plan = before[0];
    await ctx.handle.db.execute(
      sql`update inspection_plans set title = ${'Đổi thẳng trong CSDL'} where id = ${plan.id}`,
    );
    expect((await titleOf()).find((p) => p.id === plan.id)!.title).toBe('Đổi thẳng trong CSDL');

    // a write through the API: the writer's next read shows it
    const detail = (await ctx.as(cookie, { method: 'GET', url: `/api/inspection-plans/${plan.id}` })).json();
    const put = await ctx.as(cookie, {
      method: 'PATCH',
      url: `/api/inspection-plans/${plan.id}`,
      payload: { title: 'Đổi qua API', version: detail.version },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect((await titleOf()).find((p) => p.id === plan.id)!.title).toBe('Đổi qua API');
  });

  it('never gives one caller the answer computed for another', async () => {
    await live(ctx);
    // two inspectors of different teams: the same URL, different inspections
    const a = await ctx.login('team1');
    const b = await ctx.login('team2');
    const ra = await ctx.as(a, { method: 'GET', url: '/api/inspections' });
    await ctx.as(a, { method: 'GET', url: '/api/inspections' });
    const rb = await ctx.as(b, { method: 'GET', url: '/api/inspections' });
    expect(rb.statusCode).toBe(200);
    expect(rb.body).not.toBe(ra.body);
    // and b's answer is what b gets with nothing cached
    await ctx.handle.db.execute(sql`update org_units set name = name where false`);
    expect((await ctx.as(b, { method: 'GET', url: '/api/inspections' })).body).toBe(rb.body);
  });

  it('computes again when the minute changes (answers that depend on the date)', async () => {
    await live(ctx);
    const cookie = await ctx.login('secretariat');
    const url = '/api/follow-ups';
    await ctx.as(cookie, { method: 'GET', url });
    await ctx.as(cookie, { method: 'GET', url });
    const hits = ctx.app.readCache.hits;
    now = new Date(now.getTime() + 60_000);
    await ctx.as(cookie, { method: 'GET', url });
    expect(ctx.app.readCache.hits).toBe(hits);
    await ctx.as(cookie, { method: 'GET', url });
    expect(ctx.app.readCache.hits).toBe(hits + 1);
  });

  it('keeps nothing with READ_CACHE_MB=0, and nothing while the feed is not live', async () => {
    // a second app on the same database, with the cache off
    const config = loadConfig({ NODE_ENV: 'test', WEB_DIST: '/nonexistent', READ_CACHE_MB: '0' });
    const { app: off } = await buildApp({
      db: ctx.handle.db,
      dbKind: ctx.handle.kind,
      changes: ctx.handle.changes,
      config,
      clock,
    });
    try {
      await off.ready();
      const cookie = await ctx.login('viewer');
      for (let i = 0; i < 3; i++)
        expect((await off.inject({ method: 'GET', url: '/api/indicators', headers: { cookie } })).statusCode).toBe(200);
      expect(off.readCache.hits).toBe(0);
    } finally {
      await off.close();
    }
    await live(ctx);
    const cookie = await ctx.login('viewer');
    ctx.handle.changes.setLive(false);
    try {
      const hits = ctx.app.readCache.hits;
      for (let i = 0; i < 3; i++) await ctx.as(cookie, { method: 'GET', url: '/api/indicators' });
      expect(ctx.app.readCache.hits).toBe(hits);
    } finally {
      ctx.handle.changes.setLive(true);
    }
  });

  it.runIf(process.env.DATABASE_URL)('hears of a write made by another instance on the same database', async () => {
    const server = await createServerDatabase(process.env.DATABASE_URL!);
    const one = await createTestContext({ database: { url: server.url }, clock: systemClock });
    const two = await createTestContext({ database: { url: server.url }, clock: systemClock });
    try {
      await live(one);
      await live(two);
      const cookie = await two.login('secretariat');
      const list = async () =>
        (await two.as(cookie, { method: 'GET', url: '/api/inspection-plans' })).json().items as {
          id: string;
          title: string;
        }[];
      const plan = (await list())[0];
      await list();
      await one.handle.db.execute(sql`update inspection_plans set title = ${'Từ phiên bản kia'} where id = ${plan.id}`);
      let seen = '';
      for (let i = 0; i < 50 && seen !== 'Từ phiên bản kia'; i++) {
        seen = (await list()).find((p) => p.id === plan.id)!.title;
        if (seen !== 'Từ phiên bản kia') await new Promise((r) => setTimeout(r, 20));
      }
      expect(seen).toBe('Từ phiên bản kia');
    } finally {
      await one.close();
      await two.close();
      await server.drop();
    }
  });
});
