import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-app.js';

// a fresh install: reference data and the first admin only, no program yet
let ctx: TestContext;
const cookies = { admin: '' };
beforeAll(async () => {
  ctx = await createTestContext({
    demo: false,
    env: { ADMIN_USERNAME: 'first-admin', ADMIN_PASSWORD: 'a-long-admin-password' },
  });
  cookies.admin = await ctx.login('first-admin', 'a-long-admin-password');
});
afterAll(async () => {
  await ctx.close();
});

describe('program dashboard on a fresh install', () => {
  it('says there is no program yet (a reason the web turns into "create a program first"), not a bare 404', async () => {
    const res = await ctx.as(cookies.admin, { method: 'GET', url: '/api/monitoring/dashboard' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'NOT_FOUND', details: { reason: 'NO_PROGRAM_YET' } } });
  });

  it('still answers a plain 404 for a program id that does not exist', async () => {
    const res = await ctx.as(cookies.admin, {
      method: 'GET',
      url: '/api/monitoring/dashboard?programId=00000000-0000-4000-8000-000000000000',
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.details.reason).toBeUndefined();
  });
});
