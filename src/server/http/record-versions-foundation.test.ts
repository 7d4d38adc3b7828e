import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { useTestContext } from '../test/test-app.js';
import { raceWriters } from '../test/race-writers.js';

/**
 * No silent lost update for the directory and program records (org units, people, accounts, programs and their
 * committee, program tasks and their progress notes, a program's monitoring thresholds): each GET answers `version` and `ETag`, a write names the version
 * it read, the same stale version again is 409 naming who changed it, no version is 428, and of eight writers racing
 * from one version exactly one wins (PostgreSQL only: PGlite has one connection, so requests cannot overlap there).
 */
const { ctx, f, cookies } = useTestContext({ login: ['secretariat', 'admin'] });
const onServer = !!process.env.DATABASE_URL;

interface Record_ {
  /** the account that writes (its display name is the one a stale write must name) */
  writer: () => string;
  /** a fresh record: the URL its GET answers on and the URL and method of its write */
  make: () => Promise<{ get: string; write: string; method: 'PATCH' | 'PUT' | 'POST' }>;
  /** the write's body (without the version), `n` making each distinct */
  body: (n: number) => Record<string, unknown>;
}

const records: Record<string, Record_> = {
  'org unit': {
    writer: () => cookies.secretariat,
    make: async () => {
      const u = await f.orgUnit();
      return { get: `/api/org-units/${u.id}`, write: `/api/org-units/${u.id}`, method: 'PATCH' };
    },
    body: (n) => ({ name: `Đơn vị đổi tên ${n}` }),
  },
  person: {
    writer: () => cookies.secretariat,
    make: async () => {
      const p = await f.person();
      return { get: `/api/people/${p.id}`, write: `/api/people/${p.id}`, method: 'PATCH' };
    },
    body: (n) => ({ positionTitle: `Chức vụ ${n}` }),
  },
  'user account (admin edit)': {
    writer: () => cookies.admin,
    make: async () => {
      const u = await f.user('viewer');
      return { get: `/api/users/${u.id}`, write: `/api/users/${u.id}`, method: 'PATCH' };
    },
    body: (n) => ({ displayName: `Tài khoản ${n}` }),
  },
  program: {
    writer: () => cookies.secretariat,
    make: async () => {
      const p = await f.program();
      return { get: `/api/programs/${p.id}`, write: `/api/programs/${p.id}`, method: 'PATCH' };
    },
    body: (n) => ({ title: `Chương trình ${n}` }),
  },
  'program committee (a change to its program)': {
    writer: () => cookies.secretariat,
    make: async () => {
      const p = await f.program();
      return { get: `/api/programs/${p.id}`, write: `/api/programs/${p.id}/committee`, method: 'PUT' };
    },
    body: () => ({ members: [] }),
  },
  'program task': {
    writer: () => cookies.secretariat,
    make: async () => {
      const t = await f.task();
      return { get: `/api/program-tasks/${t.id}`, write: `/api/program-tasks/${t.id}`, method: 'PATCH' };
    },
    body: (n) => ({ title: `Nhiệm vụ ${n}` }),
  },
  'program task progress note (it changes the task)': {
    writer: () => cookies.secretariat,
    make: async () => {
      const t = await f.task();
      return { get: `/api/program-tasks/${t.id}`, write: `/api/program-tasks/${t.id}/updates`, method: 'POST' };
    },
    body: (n) => ({ status: 'in_progress', progressPercent: n % 100, spentVnd: n, note: `Tiến độ ${n}` }),
  },
  // no row until first set: the defaults read as version 1, and the first write (an insert) makes 2
  "a program's monitoring thresholds": {
    writer: () => cookies.secretariat,
    make: async () => {
      const url = `/api/programs/${(await f.program()).id}/monitoring-thresholds`;
      return { get: url, write: url, method: 'PUT' };
    },
    body: (n) => ({ greenPct: 90 - (n % 10), amberPct: 50 }),
  },
};

async function nameOf(cookie: string): Promise<string> {
  return (await ctx.as(cookie, { method: 'GET', url: '/api/auth/me' })).json().user.displayName;
}

const write = (
  cookie: string,
  r: { write: string; method: InjectOptions['method'] },
  payload: object,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> => ctx.as(cookie, { method: r.method, url: r.write, payload, headers });

describe.each(Object.entries(records))('versions: %s', (_name, rec) => {
  it('GET answers the version and its ETag; a write names it, +1; the same stale one is 409 naming who; none is 428', async () => {
    const r = await rec.make();
    const writer = rec.writer();
    const got = await ctx.as(writer, { method: 'GET', url: r.get });
    expect(got.statusCode, got.body).toBe(200);
    expect(got.json().version).toBe(1);
    expect(got.headers.etag).toBe('"1"');

    const ok = await write(writer, r, { ...rec.body(1), version: 1 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().version).toBe(2);
    expect(ok.headers.etag).toBe('"2"');
    const again = await ctx.as(writer, { method: 'GET', url: r.get });
    expect(again.json().version).toBe(2);
    expect(again.headers.etag).toBe('"2"');

    // If-Match works as well as the body field
    const byHeader = await write(writer, r, rec.body(2), { 'if-match': '"2"' });
    expect(byHeader.statusCode, byHeader.body).toBe(200);
    expect(byHeader.json().version).toBe(3);

    const stale = await write(writer, r, { ...rec.body(3), version: 2 });
    expect(stale.statusCode, stale.body).toBe(409);
    const { code, details } = stale.json().error;
    expect(code).toBe('STALE_VERSION');
    expect(details).toMatchObject({ currentVersion: 3, updatedBy: await nameOf(writer) });
    expect(new Date(details.updatedAt).getTime()).not.toBeNaN();

    const none = await write(writer, r, rec.body(4));
    expect(none.statusCode, none.body).toBe(428);
    expect(none.json().error.code).toBe('VERSION_REQUIRED');
    expect((await ctx.as(writer, { method: 'GET', url: r.get })).json().version).toBe(3);
  });

  it.skipIf(!onServer)('of eight writers from the same version exactly one wins, the rest are 409', async () => {
    const r = await rec.make();
    const writer = rec.writer();
    const { stale } = await raceWriters((i) => write(writer, r, { ...rec.body(10 + i), version: 1 }));
    for (const a of stale)
      expect(a.json().error).toMatchObject({ code: 'STALE_VERSION', details: { currentVersion: 2 } });
    expect((await ctx.as(writer, { method: 'GET', url: r.get })).json().version).toBe(2);
  });
});

describe('versions: the list answers each item’s version (the pages edit from it)', () => {
  it('org units, people, accounts, programs and tasks', async () => {
    const [u, p, t] = [await f.orgUnit(), await f.person(), await f.task()];
    const org = await ctx.as(cookies.secretariat, { method: 'GET', url: `/api/org-units?q=${u.code}` });
    expect(org.json().items[0]).toMatchObject({ id: u.id, version: 1 });
    const people = await ctx.as(cookies.secretariat, {
      method: 'GET',
      url: `/api/people?q=${encodeURIComponent(p.fullName)}`,
    });
    expect(people.json().items[0]).toMatchObject({ id: p.id, version: 1 });
    const users = await ctx.as(cookies.admin, { method: 'GET', url: '/api/users?limit=200' });
    for (const item of users.json().items) expect(item.version).toBeGreaterThanOrEqual(1);
    const programs = await ctx.as(cookies.secretariat, { method: 'GET', url: '/api/programs' });
    for (const item of programs.json().items) expect(item.version).toBeGreaterThanOrEqual(1);
    const tasks = await ctx.as(cookies.secretariat, { method: 'GET', url: `/api/program-tasks?q=${t.code}` });
    expect(tasks.json().items[0]).toMatchObject({ id: t.id, version: 1 });
  });

  it('an account’s own password change moves its version too (an admin editing it meanwhile is told)', async () => {
    const u = await f.user('viewer');
    const own = await ctx.login(u.username, u.password);
    const changed = await ctx.as(own, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: u.password, newPassword: 'password2-long' },
    });
    expect(changed.statusCode, changed.body).toBeLessThan(300);
    const got = await ctx.as(cookies.admin, { method: 'GET', url: `/api/users/${u.id}` });
    expect(got.json().version).toBe(2);
    const stale = await ctx.as(cookies.admin, {
      method: 'PATCH',
      url: `/api/users/${u.id}`,
      payload: { displayName: 'Muộn', version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details).toMatchObject({ currentVersion: 2, updatedBy: u.displayName });
  });
});
