import { describe, expect, it } from 'vitest';
import { useTestContext, unique } from '../../test/test-app.js';
import { versionedWrite } from '../../test/versioned-write.js';

const { ctx, cookies } = useTestContext({ login: ['admin'] });

describe('user accounts', () => {
  it('admin creates an account that can log in; the hash never leaves the server', async () => {
    const username = unique('officer').toLowerCase();
    const res = await ctx.as(cookies.admin, {
      method: 'POST',
      url: '/api/users',
      payload: { username, displayName: 'Cán bộ', role: 'viewer', password: 'secret-123' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.body).not.toContain('argon2');
    await ctx.login(username, 'secret-123');
  });

  it('a unit account needs its org unit', async () => {
    const res = await ctx.as(cookies.admin, {
      method: 'POST',
      url: '/api/users',
      payload: { username: unique('u').toLowerCase(), displayName: 'U', role: 'unit', password: 'secret-123' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues[0].field).toBe('body.orgUnitId');
  });

  it('deactivating an account ends its sessions at once', async () => {
    const username = unique('gone').toLowerCase();
    const user = (
      await ctx.as(cookies.admin, {
        method: 'POST',
        url: '/api/users',
        payload: { username, displayName: 'G', role: 'viewer', password: 'secret-123' },
      })
    ).json();
    const cookie = await ctx.login(username, 'secret-123');
    await versionedWrite(ctx, cookies.admin, {
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      payload: { active: false },
    });
    expect((await ctx.as(cookie, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('only admins manage accounts; usernames are unique', async () => {
    const secretariat = await ctx.login('secretariat');
    expect((await ctx.as(secretariat, { method: 'GET', url: '/api/users' })).statusCode).toBe(403);
    const dup = await ctx.as(cookies.admin, {
      method: 'POST',
      url: '/api/users',
      payload: { username: 'viewer', displayName: 'V', role: 'viewer', password: 'secret-123' },
    });
    expect(dup.statusCode).toBe(409);
  });
});
