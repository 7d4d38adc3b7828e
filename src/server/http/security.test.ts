import { describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { systemClock } from '../lib/clock.js';
import { counts } from '../modules/inspections/test-helpers.js';
import { multipart, PDF } from '../test/multipart.js';
import { useTestContext, unique } from '../test/test-app.js';

const { ctx, f, cookies } = useTestContext({ login: ['secretariat'] });

/** Another app on the same database (sessions included) with other settings. */
async function appWith(env: Record<string, string>) {
  const config = loadConfig({ NODE_ENV: 'test', WEB_DIST: '/nonexistent', ...env });
  const { app } = await buildApp({ db: ctx.handle.db, dbKind: ctx.handle.kind, config, clock: systemClock });
  await app.ready();
  return app;
}

const newPerson = (headers: Record<string, string>) =>
  ctx.as(cookies.secretariat, { method: 'POST', url: '/api/people', headers, payload: { fullName: unique('CSRF') } });

describe('CSRF: state-changing requests from another origin are refused', () => {
  it('refuses a cross-origin multipart upload with the cookie, and writes nothing', async () => {
    const s = await f.scene({ status: 'in_progress' });
    const head = await ctx.login(s.inspector.username, s.inspector.password);
    const before = await counts(ctx);
    const body = multipart('bien-ban.pdf', PDF);
    const url = `/api/inspections/${s.inspection.id}/assessments/${s.areas[0].id}/evidence`;
    const res = await ctx.as(head, {
      method: 'POST',
      url,
      ...body,
      headers: { ...body.headers, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_REJECTED');
    expect(await counts(ctx)).toEqual(before);
    // the same upload from the app's own pages goes through
    const same = multipart('bien-ban.pdf', PDF);
    const ok = await ctx.as(head, {
      method: 'POST',
      url,
      ...same,
      headers: {
        ...same.headers,
        host: 'sb.example.vn',
        origin: 'https://sb.example.vn',
        'sec-fetch-site': 'same-origin',
      },
    });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('refuses a cross-origin JSON POST, a cross-site fetch without Origin, Origin null, and a sibling site', async () => {
    for (const headers of <Record<string, string>[]>[
      { origin: 'https://evil.example' },
      { origin: 'http://localhost:80.evil.example' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site', origin: 'https://other.example.vn' },
      { origin: 'null' },
    ]) {
      const res = await newPerson(headers);
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
      expect(res.json().error.code).toBe('CSRF_REJECTED');
    }
  });

  it('refuses cross-origin PATCH and DELETE, body-less POSTs of any content type, and login', async () => {
    const evil = { origin: 'https://evil.example' };
    const logout = await ctx.as(cookies.secretariat, {
      method: 'POST',
      url: '/api/auth/logout',
      headers: { ...evil, 'content-type': 'text/plain' },
      payload: '',
    });
    expect(logout.statusCode).toBe(403);
    expect((await ctx.as(cookies.secretariat, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    const del = await ctx.as(cookies.secretariat, { method: 'DELETE', url: '/api/auth/sessions', headers: evil });
    expect(del.statusCode).toBe(403);
    const patch = await ctx.as(cookies.secretariat, {
      method: 'PATCH',
      url: `/api/people/${(await f.person()).id}`,
      headers: evil,
      payload: { fullName: 'x' },
    });
    expect(patch.statusCode).toBe(403);
    const login = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: evil,
      payload: { username: 'viewer', password: 'demo' },
    });
    expect(login.statusCode).toBe(403);
  });

  it('accepts same-origin requests and clients that send neither Origin nor Sec-Fetch-Site', async () => {
    expect((await newPerson({ host: 'sb.example.vn', origin: 'https://sb.example.vn' })).statusCode).toBe(201);
    expect((await newPerson({ 'sec-fetch-site': 'same-origin' })).statusCode).toBe(201);
    expect((await newPerson({})).statusCode).toBe(201);
    // reads are never refused: a cross-origin GET cannot change anything (and CORS keeps its answer from the page)
    const read = await ctx.as(cookies.secretariat, {
      method: 'GET',
      url: '/api/auth/me',
      headers: { origin: 'https://evil.example' },
    });
    expect(read.statusCode).toBe(200);
  });

  it('with PUBLIC_ORIGIN, only that origin is accepted, whatever the Host header says', async () => {
    const app = await appWith({ PUBLIC_ORIGIN: 'https://sb.hanoi.example.vn' });
    try {
      const post = (headers: Record<string, string>) =>
        app.inject({
          method: 'POST',
          url: '/api/people',
          headers: { ...headers, cookie: cookies.secretariat },
          payload: { fullName: unique('CSRF') },
        });
      expect((await post({ host: 'evil.example', origin: 'https://evil.example' })).statusCode).toBe(403);
      expect((await post({ origin: 'http://sb.hanoi.example.vn' })).statusCode).toBe(403);
      expect((await post({ origin: 'https://sb.hanoi.example.vn' })).statusCode).toBe(201);
    } finally {
      await app.close();
    }
  });
});

describe('security headers', () => {
  it('sends a CSP that forbids framing, nosniff and a referrer policy; no HSTS outside production', async () => {
    for (const url of ['/api/health', '/api/no-such-route']) {
      const res = await ctx.app.inject({ method: 'GET', url });
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toMatch(/img-src 'self' data: blob:/);
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('same-origin');
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('adds HSTS (and upgrade-insecure-requests) in production', async () => {
    const app = await appWith({
      NODE_ENV: 'production',
      ADMIN_USERNAME: 'root',
      ADMIN_PASSWORD: 'a-long-password-1',
    });
    try {
      const res = await app.inject({ method: 'GET', url: '/api/health' });
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
      expect(String(res.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
    } finally {
      await app.close();
    }
  });
});
