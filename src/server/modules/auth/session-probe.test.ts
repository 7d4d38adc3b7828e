import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../test/test-app.js';

const { ctx, cookies } = useTestContext({ login: ['viewer'] });

// the web asks who is logged in on every load: a logged-out visit must not cost a 401 in the console
describe('session probe', () => {
  it('answers 200 with no user when logged out', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/auth/session' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ user: null });
  });

  it('answers the user when logged in, and no user with a dead cookie', async () => {
    const me = await ctx.as(cookies.viewer, { method: 'GET', url: '/api/auth/session' });
    expect(me.json()).toMatchObject({ user: { username: 'viewer', role: 'viewer' } });
    const dead = await ctx.as('sb_session=not-a-session', { method: 'GET', url: '/api/auth/session' });
    expect([dead.statusCode, dead.json()]).toEqual([200, { user: null }]);
  });
});
