import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { enterpriseInputFor } from '../modules/enterprises/test-helpers.js';
import { monitoringScene } from '../modules/reporting-rounds/test-helpers.js';
import { useTestContext } from '../test/test-app.js';

const { ctx, f, cookies } = useTestContext({ login: ['secretariat', 'admin'] });

/** Two writers from the same version: one wins, the other is told who changed it (never a silent overwrite). */
async function raceFromSameVersion(write: (tag: string) => Promise<LightMyRequestResponse>) {
  const [a, b] = await Promise.all([write('A'), write('B')]);
  const ok = [a, b].filter((r) => r.statusCode === 200);
  const stale = [a, b].filter((r) => r.statusCode === 409);
  expect(ok.length, `${a.statusCode} ${a.body}\n${b.statusCode} ${b.body}`).toBe(1);
  expect(stale.length).toBe(1);
  expect(stale[0].json().error.code).toBe('STALE_VERSION');
  return { winner: ok[0], loser: stale[0], winnerTag: ok[0] === a ? 'A' : 'B' };
}

function expectStale(res: LightMyRequestResponse, currentVersion: number, updatedBy: string) {
  expect(res.statusCode, res.body).toBe(409);
  const { code, details } = res.json().error;
  expect(code).toBe('STALE_VERSION');
  expect(details).toMatchObject({ currentVersion, updatedBy });
  expect(new Date(details.updatedAt).getTime()).not.toBeNaN();
}

describe('no silent lost update: findings', () => {
  it('refuses the second of two writers from the same version, and a write without one (428)', async () => {
    const s = await f.scene({ status: 'in_progress' });
    const head = await ctx.login(s.inspector.username, s.inspector.password);
    const created = await ctx.as(head, {
      method: 'POST',
      url: `/api/inspections/${s.inspection.id}/findings`,
      payload: { contentAreaId: s.areas[0].id, kind: 'strength', text: 'Ban đầu' },
    });
    expect(created.json().version).toBe(1);
    const detail = await ctx.as(head, { method: 'GET', url: `/api/inspections/${s.inspection.id}` });
    expect(detail.json().findings[0].version).toBe(1);
    const url = `/api/findings/${created.json().id}`;

    const { winner, loser, winnerTag } = await raceFromSameVersion((tag) =>
      ctx.as(tag === 'A' ? head : cookies.secretariat, { method: 'PATCH', url, payload: { text: tag, version: 1 } }),
    );
    expect(winner.json().version).toBe(2);
    expect(winner.headers.etag).toBe('"2"');
    expect(loser.json().error.details.currentVersion).toBe(2);
    const after = await ctx.as(head, { method: 'GET', url: `/api/inspections/${s.inspection.id}` });
    expect(after.json().findings[0].text).toBe(winnerTag);

    // If-Match works as well as the body field, and a stale one names the last writer
    const byHeader = await ctx.as(head, {
      method: 'PATCH',
      url,
      payload: { text: 'C' },
      headers: { 'if-match': '"2"' },
    });
    expect(byHeader.statusCode, byHeader.body).toBe(200);
    expectStale(
      await ctx.as(cookies.secretariat, {
        method: 'PATCH',
        url,
        payload: { text: 'D' },
        headers: { 'if-match': '"2"' },
      }),
      3,
      await nameOf(head),
    );
    const none = await ctx.as(head, { method: 'PATCH', url, payload: { text: 'E' } });
    expect(none.statusCode).toBe(428);
    expect(none.json().error.code).toBe('VERSION_REQUIRED');
    const bad = await ctx.as(head, { method: 'PATCH', url, payload: { text: 'E' }, headers: { 'if-match': 'x' } });
    expect(bad.statusCode).toBe(400);
    expect(
      (await ctx.as(head, { method: 'GET', url: `/api/inspections/${s.inspection.id}` })).json().findings[0],
    ).toMatchObject({
      text: 'C',
      version: 3,
    });
  });
});

describe('no silent lost update: inspection plans', () => {
  it('answers the version with an ETag and refuses the second of two writers from it', async () => {
    const { plan } = await f.plan();
    const url = `/api/inspection-plans/${plan.id}`;
    const got = await ctx.as(cookies.secretariat, { method: 'GET', url });
    expect(got.json().version).toBe(1);
    expect(got.headers.etag).toBe('"1"');
    const { winner, winnerTag } = await raceFromSameVersion((tag) =>
      ctx.as(tag === 'A' ? cookies.secretariat : cookies.admin, {
        method: 'PATCH',
        url,
        payload: { title: `Kế hoạch ${tag}` },
        headers: { 'if-match': '"1"' },
      }),
    );
    expect(winner.json().version).toBe(2);
    const stale = await ctx.as(cookies.secretariat, { method: 'PATCH', url, payload: { title: 'Muộn', version: 1 } });
    expectStale(stale, 2, await nameOf(winnerTag === 'A' ? cookies.secretariat : cookies.admin));
    expect((await ctx.as(cookies.secretariat, { method: 'GET', url })).json().title).toBe(`Kế hoạch ${winnerTag}`);
    expect((await ctx.as(cookies.secretariat, { method: 'PATCH', url, payload: { title: 'X' } })).statusCode).toBe(428);
  });
});

describe('no silent lost update: unit reports (values and narrative)', () => {
  it('refuses the second of two saves from the same version, and a revision from an outdated one', async () => {
    const s = await monitoringScene(ctx, f, cookies.secretariat);
    const got = await ctx.as(s.center_, { method: 'GET', url: s.reportUrl() });
    const v = got.json().version;
    expect(got.headers.etag).toBe(`"${v}"`);
    const { winner, winnerTag } = await raceFromSameVersion((tag) =>
      ctx.as(tag === 'A' ? s.center_ : cookies.secretariat, {
        method: 'PUT',
        url: s.reportUrl(),
        payload: {
          narrative: `Báo cáo ${tag}`,
          values: [{ indicatorId: s.courses.id, value: tag === 'A' ? 1 : 2 }],
          version: v,
        },
      }),
    );
    expect(winner.json().version).toBeGreaterThan(v);
    const after = (await ctx.as(s.center_, { method: 'GET', url: s.reportUrl() })).json();
    expect(after.narrative).toBe(`Báo cáo ${winnerTag}`);
    expect(after.indicators.find((i: { indicatorId: string }) => i.indicatorId === s.courses.id).value).toBe(
      winnerTag === 'A' ? 1 : 2,
    );
    expectStale(
      await ctx.as(s.center_, { method: 'PUT', url: s.reportUrl(), payload: { narrative: 'Muộn', version: v } }),
      after.version,
      await nameOf(winnerTag === 'A' ? s.center_ : cookies.secretariat),
    );
    expect(
      (await ctx.as(s.center_, { method: 'PUT', url: s.reportUrl(), payload: { narrative: 'x' } })).statusCode,
    ).toBe(428);
  });
});

describe('no silent lost update: enterprise records', () => {
  it('refuses the second of two writers from the same version', async () => {
    const created = await ctx.as(cookies.secretariat, {
      method: 'POST',
      url: '/api/enterprises',
      payload: enterpriseInputFor(),
    });
    expect(created.statusCode, created.body).toBe(201);
    const url = `/api/enterprises/${created.json().taxCode}`;
    const got = await ctx.as(cookies.secretariat, { method: 'GET', url });
    expect(got.headers.etag).toBe(`"${got.json().version}"`);
    const v = got.json().version;
    const { winner, winnerTag } = await raceFromSameVersion((tag) =>
      ctx.as(tag === 'A' ? cookies.secretariat : cookies.admin, {
        method: 'PATCH',
        url,
        payload: { employees: tag === 'A' ? 10 : 20, version: v },
      }),
    );
    expect(winner.json().version).toBe(v + 1);
    expectStale(
      await ctx.as(cookies.secretariat, { method: 'PATCH', url, payload: { employees: 30, version: v } }),
      v + 1,
      await nameOf(winnerTag === 'A' ? cookies.secretariat : cookies.admin),
    );
    expect((await ctx.as(cookies.secretariat, { method: 'GET', url })).json().employees).toBe(
      winnerTag === 'A' ? 10 : 20,
    );
  });
});

describe('no silent lost update: indicator targets', () => {
  it('refuses the second of two writers of the targets from the same version', async () => {
    const s = await monitoringScene(ctx, f, cookies.secretariat);
    const url = `/api/indicators/${s.courses.id}`;
    const got = await ctx.as(cookies.secretariat, { method: 'GET', url });
    const v = got.json().version;
    expect(got.headers.etag).toBe(`"${v}"`);
    const { winner, winnerTag } = await raceFromSameVersion((tag) =>
      ctx.as(tag === 'A' ? cookies.secretariat : cookies.admin, {
        method: 'PATCH',
        url,
        payload: { targets: [{ year: 2024, value: tag === 'A' ? 10 : 20 }], version: v },
      }),
    );
    expect(winner.json().version).toBe(v + 1);
    expectStale(
      await ctx.as(cookies.secretariat, { method: 'PATCH', url, payload: { targets: [], version: v } }),
      v + 1,
      await nameOf(winnerTag === 'A' ? cookies.secretariat : cookies.admin),
    );
    expect((await ctx.as(cookies.secretariat, { method: 'GET', url })).json().targets).toEqual([
      { year: 2024, orgUnitId: null, value: winnerTag === 'A' ? 10 : 20 },
    ]);
    expect((await ctx.as(cookies.secretariat, { method: 'PATCH', url, payload: { targets: [] } })).statusCode).toBe(
      428,
    );
  });
});

async function nameOf(cookie: string): Promise<string> {
  return (await ctx.as(cookie, { method: 'GET', url: '/api/auth/me' })).json().user.displayName;
}
