import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../test/test-app.js';

const { ctx } = useTestContext();

describe('auth', () => {
  it('logs in with an HttpOnly SameSite cookie and reports the user', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'unit-stttt', password: 'demo' },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'sb_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const me = await ctx.as(`sb_session=${cookie.value}`, { method: 'GET', url: '/api/auth/me' });
    expect(me.json().user).toMatchObject({
      username: 'unit-stttt',
      role: 'unit',
      orgUnitName: 'Sở Thông tin và Truyền thông',
    });
  });

  it('stores only a hash of the session token and an argon2id password hash', async () => {
    const cookie = await ctx.login('viewer');
    const token = cookie.split('=')[1];
    const rows = await ctx.handle.db.query.sessions.findMany();
    expect(rows.some((r) => r.tokenHash === token)).toBe(false);
    const user = await ctx.handle.db.query.users.findFirst({ where: (u, { eq }) => eq(u.username, 'viewer') });
    expect(user!.passwordHash.startsWith('$argon2id$')).toBe(true);
  });

  it('rejects a wrong password with 401 INVALID_CREDENTIALS', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: 'nope' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('rate-limits repeated failures for a username from one address (429) even with the right password', async () => {
    for (let i = 0; i < 5; i++) {
      await ctx.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'team2', password: `wrong${i}` },
      });
    }
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'team2', password: 'demo' },
    });
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe('RATE_LIMITED');
  });

  it('logout ends the session', async () => {
    const cookie = await ctx.login('admin');
    const out = await ctx.as(cookie, { method: 'POST', url: '/api/auth/logout' });
    expect(out.statusCode).toBe(200);
    const me = await ctx.as(cookie, { method: 'GET', url: '/api/auth/me' });
    expect(me.statusCode).toBe(401);
    expect(me.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('requires a session for API routes but not for health and OpenAPI', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/org-units' })).statusCode).toBe(401);
    const health = await ctx.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.json()).toMatchObject({ status: 'ok', db: process.env.DATABASE_URL ? 'postgres' : 'pglite' });
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.paths['/api/auth/login'].post.requestBody).toBeDefined();
  });

  it('names unknown and wrongly typed fields, and answers malformed JSON with 400', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 5, password: 'x', extra: true },
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.issues.map((i: { field: string }) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['body.username', 'body.extra']));
    const bad = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('MALFORMED_REQUEST');
  });
});
