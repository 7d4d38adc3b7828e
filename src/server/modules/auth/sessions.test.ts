import { describe, expect, it } from 'vitest';
import { useTestContext, unique } from '../../test/test-app.js';
import { versionedWrite } from '../../test/versioned-write.js';

const { ctx, cookies } = useTestContext({ login: ['admin'] });

/** A fresh secretariat account (may write people), so tests never share sessions. */
async function newAccount(password = 'secret-123') {
  const username = unique('sess').toLowerCase();
  const res = await ctx.as(cookies.admin, {
    method: 'POST',
    url: '/api/users',
    payload: { username, displayName: 'Phiên', role: 'secretariat', password },
  });
  expect(res.statusCode).toBe(201);
  return { id: res.json().id as string, username, password };
}

const loginFrom = async (username: string, password: string, ua: string, remoteAddress = '127.0.0.1') => {
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress,
    headers: { 'user-agent': ua },
    payload: { username, password },
  });
  expect(res.statusCode).toBe(200);
  return `sb_session=${res.cookies.find((c) => c.name === 'sb_session')!.value}`;
};

const me = (cookie: string) => ctx.as(cookie, { method: 'GET', url: '/api/auth/me' });
const writePerson = (cookie: string) =>
  ctx.as(cookie, { method: 'POST', url: '/api/people', payload: { fullName: unique('Người') } });

describe('sessions end when the password changes or the account is deactivated', () => {
  it("an admin's password reset ends every session of that user: no read, no write", async () => {
    const u = await newAccount();
    const a = await ctx.login(u.username, u.password);
    const b = await ctx.login(u.username, u.password);
    expect((await writePerson(a)).statusCode).toBe(201);
    const reset = await versionedWrite(ctx, cookies.admin, {
      method: 'PATCH',
      url: `/api/users/${u.id}`,
      payload: { password: 'another-secret-1' },
    });
    expect(reset.statusCode).toBe(200);
    for (const c of [a, b]) {
      expect((await me(c)).statusCode).toBe(401);
      expect((await writePerson(c)).statusCode).toBe(401);
    }
    await ctx.login(u.username, 'another-secret-1');
    // the admin's own session is untouched by changing someone else's password
    expect((await me(cookies.admin)).statusCode).toBe(200);
  });

  it("a user's own password change ends their other sessions and keeps this one", async () => {
    const u = await newAccount();
    const here = await ctx.login(u.username, u.password);
    const elsewhere = await ctx.login(u.username, u.password);
    const wrong = await ctx.as(here, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'not-it', newPassword: 'brand-new-pass' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details.issues[0]).toMatchObject({ field: 'body.currentPassword' });
    expect((await me(elsewhere)).statusCode).toBe(200);
    const ok = await ctx.as(here, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: u.password, newPassword: 'brand-new-pass' },
    });
    expect(ok.statusCode).toBe(200);
    expect((await me(here)).statusCode).toBe(200);
    expect((await me(elsewhere)).statusCode).toBe(401);
    await ctx.login(u.username, 'brand-new-pass');
    const short = await ctx.as(here, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'brand-new-pass', newPassword: 'short' },
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details.issues[0].field).toBe('body.newPassword');
  });

  it('guessing the current password through a session is throttled like a login', async () => {
    const u = await newAccount();
    const here = await ctx.login(u.username, u.password);
    const change = (currentPassword: string) =>
      ctx.as(here, {
        method: 'POST',
        url: '/api/auth/password',
        payload: { currentPassword, newPassword: 'brand-new-pass' },
      });
    for (let i = 0; i < 5; i++) expect((await change(`guess${i}`)).statusCode).toBe(400);
    const locked = await change(u.password);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('RATE_LIMITED');
  });

  it('an admin resetting their own password keeps the session they use and ends their others', async () => {
    const username = unique('adm').toLowerCase();
    const created = await ctx.as(cookies.admin, {
      method: 'POST',
      url: '/api/users',
      payload: { username, displayName: 'A', role: 'admin', password: 'secret-123' },
    });
    const here = await ctx.login(username, 'secret-123');
    const other = await ctx.login(username, 'secret-123');
    const res = await versionedWrite(ctx, here, {
      method: 'PATCH',
      url: `/api/users/${created.json().id}`,
      payload: { password: 'secret-456' },
    });
    expect(res.statusCode).toBe(200);
    expect((await me(here)).statusCode).toBe(200);
    expect((await me(other)).statusCode).toBe(401);
  });

  it('deactivation ends every session and reactivation does not revive them', async () => {
    const u = await newAccount();
    const a = await ctx.login(u.username, u.password);
    const patch = (active: boolean) =>
      versionedWrite(ctx, cookies.admin, { method: 'PATCH', url: `/api/users/${u.id}`, payload: { active } });
    expect((await patch(false)).statusCode).toBe(200);
    expect((await me(a)).statusCode).toBe(401);
    expect((await patch(true)).statusCode).toBe(200);
    expect((await me(a)).statusCode).toBe(401);
    expect((await writePerson(a)).statusCode).toBe(401);
  });
});

describe('a user sees and ends their own sessions', () => {
  it('lists own sessions with address, user agent and the current one marked', async () => {
    const u = await newAccount();
    const a = await loginFrom(u.username, u.password, 'Firefox/130', '10.0.0.7');
    await loginFrom(u.username, u.password, 'Chrome/129', '10.0.0.8');
    const res = await ctx.as(a, { method: 'GET', url: '/api/auth/sessions' });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as {
      id: string;
      current: boolean;
      ip: string;
      userAgent: string;
      createdAt: string;
      lastSeenAt: string;
    }[];
    expect(items).toHaveLength(2);
    const current = items.find((s) => s.current)!;
    expect(current).toMatchObject({ ip: '10.0.0.7', userAgent: 'Firefox/130' });
    expect(items.find((s) => !s.current)).toMatchObject({ ip: '10.0.0.8', userAgent: 'Chrome/129' });
    expect(Date.parse(current.createdAt)).not.toBeNaN();
    expect(Date.parse(current.lastSeenAt)).not.toBeNaN();
    // another user's list does not include these
    const others = (await ctx.as(cookies.admin, { method: 'GET', url: '/api/auth/sessions' })).json().items;
    expect(others.some((s: { id: string }) => items.some((i) => i.id === s.id))).toBe(false);
  });

  it("ends one session, then all the others; never another user's; audited", async () => {
    const u = await newAccount();
    const a = await ctx.login(u.username, u.password);
    const b = await ctx.login(u.username, u.password);
    const c = await ctx.login(u.username, u.password);
    const list = async (cookie: string) =>
      (await ctx.as(cookie, { method: 'GET', url: '/api/auth/sessions' })).json().items as {
        id: string;
        current: boolean;
      }[];
    const bId = (await list(b)).find((s) => s.current)!.id;
    // someone else cannot end it (404, no hint that it exists)
    const foreign = await ctx.as(cookies.admin, { method: 'DELETE', url: `/api/auth/sessions/${bId}` });
    expect(foreign.statusCode).toBe(404);
    expect((await me(b)).statusCode).toBe(200);

    expect((await ctx.as(a, { method: 'DELETE', url: `/api/auth/sessions/${bId}` })).statusCode).toBe(200);
    expect((await me(b)).statusCode).toBe(401);
    expect((await me(c)).statusCode).toBe(200);

    const all = await ctx.as(a, { method: 'DELETE', url: '/api/auth/sessions' });
    expect(all.statusCode).toBe(200);
    expect(all.json()).toEqual({ ended: 1 });
    expect((await me(c)).statusCode).toBe(401);
    expect((await me(a)).statusCode).toBe(200);
    expect(await list(a)).toHaveLength(1);

    const events = await ctx.handle.db.query.auditEvents.findMany({
      where: (e, { and, eq }) => and(eq(e.entityType, 'session'), eq(e.actorUsername, u.username)),
    });
    expect(events.map((e) => e.action).sort()).toEqual(['delete', 'delete']);
  });

  it('the session routes are in the OpenAPI document', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.paths['/api/auth/sessions'].get).toBeDefined();
    expect(doc.paths['/api/auth/sessions'].delete).toBeDefined();
    expect(doc.paths['/api/auth/sessions/{id}'].delete).toBeDefined();
    expect(doc.paths['/api/auth/password'].post.requestBody).toBeDefined();
  });
});
