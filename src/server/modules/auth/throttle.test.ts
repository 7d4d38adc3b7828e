import { describe, expect, it, vi } from 'vitest';
import type { Clock } from '../../lib/clock.js';
import { hanoiDate } from '../../lib/clock.js';
import { createTestContext, useTestContext, unique } from '../../test/test-app.js';
import * as password from './password.js';

// count every argon2 verification the app runs, to prove that attempts past the limit never reach it
vi.mock('./password.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('./password.js')>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword) };
});
const verifications = () => vi.mocked(password.verifyPassword).mock.calls.length;

// a clock the tests move forward, for the throttle windows and the back-off
let offsetMs = 0;
const clock: Clock = {
  now: () => new Date(Date.now() + offsetMs),
  today: () => hanoiDate(new Date(Date.now() + offsetMs)),
};
const { ctx, cookies } = useTestContext({ clock, login: ['admin'] });

async function newAccount() {
  const username = unique('thr').toLowerCase();
  const res = await ctx.as(cookies.admin, {
    method: 'POST',
    url: '/api/users',
    payload: { username, displayName: 'T', role: 'viewer', password: 'right-pass-1' },
  });
  expect(res.statusCode).toBe(201);
  return username;
}
const attempt = (username: string, pw: string, remoteAddress: string, headers: Record<string, string> = {}) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress,
    headers,
    payload: { username, password: pw },
  });

describe('login throttling', () => {
  it('failures from one address do not lock the owner out from another address', async () => {
    const u = await newAccount();
    for (let i = 0; i < 5; i++) expect((await attempt(u, `bad${i}`, '198.51.100.1')).statusCode).toBe(401);
    const attacker = await attempt(u, 'right-pass-1', '198.51.100.1');
    expect(attacker.statusCode).toBe(429);
    expect(attacker.json().error.code).toBe('RATE_LIMITED');
    expect((await attempt(u, 'right-pass-1', '198.51.100.2')).statusCode).toBe(200);
  });

  it('backs off: each new lockout of the same (username, address) lasts twice as long', async () => {
    const u = await newAccount();
    const ip = '198.51.100.3';
    for (let i = 0; i < 5; i++) await attempt(u, `bad${i}`, ip);
    expect((await attempt(u, 'x', ip)).statusCode).toBe(429);
    offsetMs += 16 * 60_000; // first lock: the 15-minute window
    for (let i = 0; i < 5; i++) expect((await attempt(u, `again${i}`, ip)).statusCode).toBe(401);
    const locked = await attempt(u, 'x', ip);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.details.retryAfterMinutes).toBeGreaterThan(15);
    offsetMs += 16 * 60_000; // not enough for the second lock (30 minutes)
    expect((await attempt(u, 'right-pass-1', ip)).statusCode).toBe(429);
    offsetMs += 16 * 60_000;
    expect((await attempt(u, 'right-pass-1', ip)).statusCode).toBe(200);
  });

  it('X-Forwarded-For from a client that is not a configured proxy is ignored (limits and audit)', async () => {
    const u = await newAccount();
    for (let i = 0; i < 5; i++) {
      await attempt(u, `bad${i}`, '198.51.100.4', { 'x-forwarded-for': `203.0.113.${i + 10}` });
    }
    const res = await attempt(u, 'right-pass-1', '198.51.100.4', { 'x-forwarded-for': '203.0.113.99' });
    expect(res.statusCode).toBe(429);
    const ok = await attempt(u, 'right-pass-1', '198.51.100.5', { 'x-forwarded-for': '203.0.113.1' });
    expect(ok.statusCode).toBe(200);
    const login = await ctx.handle.db.query.auditEvents.findFirst({
      where: (e, { and, eq }) => and(eq(e.action, 'login'), eq(e.actorUsername, u)),
    });
    expect(login!.after).toMatchObject({ ip: '198.51.100.5' });
  });

  it('parallel wrong attempts past the limit never reach argon2 and all get 429', async () => {
    const u = await newAccount();
    const before = verifications();
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => attempt(u, `parallel${i}`, '198.51.100.6')));
    const codes = results.map((r) => r.statusCode);
    expect(verifications() - before).toBe(5);
    expect(codes.filter((c) => c === 401)).toHaveLength(verifications() - before);
    expect(codes.filter((c) => c === 429)).toHaveLength(50 - (verifications() - before));
    expect((await attempt(u, 'right-pass-1', '198.51.100.6')).statusCode).toBe(429);
  });
});

describe('trusted proxies and the per-address cap', () => {
  it('with TRUST_PROXY naming the proxy, the forwarded client address is the one throttled and audited', async () => {
    const proxied = await createTestContext({
      env: { TRUST_PROXY: '127.0.0.1, 10.1.0.0/16', LOGIN_MAX_FAILURES_PER_ADDRESS: '3' },
    });
    const via = (client: string, username: string, pw: string) =>
      proxied.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '10.1.2.3',
        headers: { 'x-forwarded-for': client },
        payload: { username, password: pw },
      });
    try {
      // one address guessing several usernames hits the address's cap, whatever the username
      for (const name of ['nobody-1', 'nobody-2', 'nobody-3'])
        expect((await via('203.0.113.7', name, 'x')).statusCode).toBe(401);
      expect((await via('203.0.113.7', 'viewer', 'demo')).statusCode).toBe(429);
      // the proxy's other clients are not affected
      const res = await via('203.0.113.50', 'viewer', 'demo');
      expect(res.statusCode).toBe(200);
      const login = await proxied.handle.db.query.auditEvents.findFirst({
        where: (e, { and, eq }) => and(eq(e.action, 'login'), eq(e.actorUsername, 'viewer')),
      });
      expect(login!.after).toMatchObject({ ip: '203.0.113.50' });
    } finally {
      await proxied.close();
    }
  }, 120_000);
});
