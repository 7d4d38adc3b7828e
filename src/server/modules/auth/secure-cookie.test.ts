import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-app.js';

/**
 * Production over plain HTTP: the session cookie is Secure, the browser drops it, and the person used to land back
 * on an empty login form. Now the login is refused with a reason the page shows in the person's language.
 */
const PASSWORD = 'a-long-admin-password-1';
let secure: TestContext;
let plain: TestContext;
beforeAll(async () => {
  // no demo data: only the first admin, which is all a login needs (and far quicker to set up)
  const admin = { ADMIN_USERNAME: 'first-admin', ADMIN_PASSWORD: PASSWORD };
  secure = await createTestContext({ demo: false, env: { ...admin, COOKIE_SECURE: 'true' } });
  plain = await createTestContext({ demo: false, env: { ...admin, COOKIE_SECURE: 'false' } });
}, 300_000);
afterAll(async () => {
  await secure?.close();
  await plain?.close();
});

const login = (ctx: TestContext, origin: string) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { origin, host: new URL(origin).host },
    payload: { username: 'first-admin', password: PASSWORD },
  });

describe('Secure session cookie and a page over plain HTTP', () => {
  it('refuses the login with COOKIE_NEEDS_HTTPS (no cookie set) when the page is http:// on a host name', async () => {
    const res = await login(secure, 'http://steerboard.example.vn');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.details.reason).toBe('COOKIE_NEEDS_HTTPS');
    expect(res.json().error.message).toMatch(/HTTPS/);
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('logs in over https, and over http on localhost (which browsers treat as secure)', async () => {
    for (const origin of ['https://steerboard.example.vn', 'http://localhost:3000', 'http://127.0.0.1:3000']) {
      const res = await login(secure, origin);
      expect(res.statusCode, origin).toBe(200);
      expect(String(res.headers['set-cookie'])).toMatch(/; Secure/);
    }
  });

  it('logs in over plain HTTP when COOKIE_SECURE=false', async () => {
    const res = await login(plain, 'http://steerboard.example.vn');
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['set-cookie'])).not.toMatch(/Secure/);
  });
});
