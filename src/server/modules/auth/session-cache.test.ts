import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { hanoiDate, type Clock } from '../../lib/clock.js';
import { createTestContext, unique, type TestContext } from '../../test/test-app.js';
import { createSessionCache } from './session-cache.js';
import { versionedWrite } from '../../test/versioned-write.js';

/**
 * A resolved session is reused for SESSION_CACHE_SECONDS without a database read. On the instance where a session
 * ends or its account changes, that takes effect at once; on another instance (its own cache, the same database)
 * within the cache's lifetime, the documented bound.
 */
let t = Date.parse('2026-06-01T03:00:00Z');
const clock: Clock = { now: () => new Date(t), today: () => hanoiDate(new Date(t)) };
const CACHE_SECONDS = 5;

let ctx: TestContext;
let other: FastifyInstance;
let admin: string;

beforeAll(async () => {
  ctx = await createTestContext({ clock, env: { SESSION_CACHE_SECONDS: String(CACHE_SECONDS) } });
  // a second instance of the app on the same database: its own session cache, as on a second server
  other = (await buildApp({ db: ctx.handle.db, dbKind: ctx.handle.kind, config: ctx.config, clock })).app;
  await other.ready();
  admin = await ctx.login('admin');
});
afterAll(async () => {
  await other?.close();
  await ctx?.close();
});

async function account(role: 'secretariat' | 'viewer' = 'secretariat') {
  const username = unique('cache').toLowerCase();
  const res = await ctx.as(admin, {
    method: 'POST',
    url: '/api/users',
    payload: { username, displayName: 'Bộ nhớ đệm', role, password: 'secret-123' },
  });
  expect(res.statusCode).toBe(201);
  return { id: res.json().id as string, cookie: await ctx.login(username, 'secret-123') };
}
const me = (app: FastifyInstance, cookie: string) =>
  app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
const patchUser = (id: string, payload: Record<string, unknown>) =>
  versionedWrite(ctx, admin, { method: 'PATCH', url: `/api/users/${id}`, payload });

describe('the session cache', () => {
  it('a password reset ends the session at once on the same instance, although it was cached', async () => {
    const u = await account();
    expect((await me(ctx.app, u.cookie)).statusCode).toBe(200);
    expect((await patchUser(u.id, { password: 'another-secret-1' })).statusCode).toBe(200);
    expect((await me(ctx.app, u.cookie)).statusCode).toBe(401);
  });

  it('deactivation, logout and ending a session by id take effect at once on the same instance', async () => {
    const a = await account();
    expect((await me(ctx.app, a.cookie)).statusCode).toBe(200);
    expect((await patchUser(a.id, { active: false })).statusCode).toBe(200);
    expect((await me(ctx.app, a.cookie)).statusCode).toBe(401);

    const b = await account();
    expect((await me(ctx.app, b.cookie)).statusCode).toBe(200);
    await ctx.as(b.cookie, { method: 'POST', url: '/api/auth/logout' });
    expect((await me(ctx.app, b.cookie)).statusCode).toBe(401);

    const c = await account();
    const username = (await me(ctx.app, c.cookie)).json().user.username as string;
    const second = await ctx.login(username, 'secret-123');
    expect((await me(ctx.app, second)).statusCode).toBe(200);
    const sessions = (await ctx.as(c.cookie, { method: 'GET', url: '/api/auth/sessions' })).json().items as {
      id: string;
      current: boolean;
    }[];
    const end = await ctx.as(c.cookie, {
      method: 'DELETE',
      url: `/api/auth/sessions/${sessions.find((s) => !s.current)!.id}`,
    });
    expect(end.statusCode).toBe(200);
    expect((await me(ctx.app, second)).statusCode).toBe(401);
    expect((await me(ctx.app, c.cookie)).statusCode).toBe(200);
  });

  it('a new role applies to the next request on the same instance', async () => {
    const u = await account('secretariat');
    expect((await me(ctx.app, u.cookie)).json().user.role).toBe('secretariat');
    expect((await patchUser(u.id, { role: 'viewer' })).statusCode).toBe(200);
    expect((await me(ctx.app, u.cookie)).json().user.role).toBe('viewer');
    const write = await ctx.as(u.cookie, {
      method: 'POST',
      url: '/api/people',
      payload: { fullName: unique('Người') },
    });
    expect(write.statusCode).toBe(403);
  });

  it('another instance drops the session within the cache lifetime (its bound), and serves it from memory before', async () => {
    const u = await account();
    expect((await me(other, u.cookie)).statusCode).toBe(200);
    expect((await patchUser(u.id, { password: 'another-secret-1' })).statusCode).toBe(200);
    expect((await me(ctx.app, u.cookie)).statusCode).toBe(401);
    // the other instance has not heard of it yet: its cached entry still answers (this is what the bound is about)
    expect((await me(other, u.cookie)).statusCode).toBe(200);
    t += CACHE_SECONDS * 1000 - 1;
    expect((await me(other, u.cookie)).statusCode).toBe(200);
    t += 1;
    expect((await me(other, u.cookie)).statusCode).toBe(401);
  });
});

describe('createSessionCache', () => {
  const session = (id: string, userId: string) => ({
    actor: {
      id: userId,
      username: 'u',
      displayName: 'u',
      role: 'viewer' as const,
      orgUnitId: null,
      orgUnitName: null,
      personId: null,
    },
    sessionId: id,
    expiresAt: new Date(10_000),
    lastSeenAt: new Date(0),
  });

  it('refuses an entry read before an invalidation (the row it saw may be gone by now)', () => {
    const cache = createSessionCache(5000);
    const readAt = cache.epoch();
    cache.forgetUser('u1');
    cache.put('h1', session('s1', 'u1'), 0, readAt);
    expect(cache.get('h1', 1)).toBeNull();
    cache.put('h1', session('s1', 'u1'), 0, cache.epoch());
    expect(cache.get('h1', 1)?.sessionId).toBe('s1');
  });

  it("ends an entry at its lifetime and at the session's expiry, and stays within its size", () => {
    const cache = createSessionCache(5000, 2);
    cache.put('h1', session('s1', 'u1'), 0, cache.epoch());
    expect(cache.get('h1', 4999)).not.toBeNull();
    expect(cache.get('h1', 5000)).toBeNull();
    cache.put('h2', { ...session('s2', 'u2'), expiresAt: new Date(6000) }, 3000, cache.epoch());
    expect(cache.get('h2', 5999)).not.toBeNull();
    expect(cache.get('h2', 6000)).toBeNull();
    for (const k of ['a', 'b', 'c']) cache.put(k, session(k, k), 0, cache.epoch());
    expect(cache.size()).toBe(2);
    expect(cache.get('a', 1)).toBeNull();
  });

  it('keeps nothing when its lifetime is 0', () => {
    const cache = createSessionCache(0);
    cache.put('h1', session('s1', 'u1'), 0, cache.epoch());
    expect(cache.get('h1', 0)).toBeNull();
  });
});
