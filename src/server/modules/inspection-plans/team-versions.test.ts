import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { raceWriters } from '../../test/race-writers.js';
import { useTestContext } from '../../test/test-app.js';

/** Issue 10 §2: a team (name and members) and a target (its window) are versioned like the plan they belong to. */
const { ctx, f, cookies } = useTestContext({ login: ['admin', 'secretariat'] });

// PGlite has one connection: requests run one after the other, so no race can happen there. The race needs a server.
const onServer = !!process.env.DATABASE_URL;

async function nameOf(cookie: string): Promise<string> {
  return (await ctx.as(cookie, { method: 'GET', url: '/api/auth/me' })).json().user.displayName;
}

function expectStale(res: LightMyRequestResponse, currentVersion: number, updatedBy: string) {
  expect(res.statusCode, res.body).toBe(409);
  const { code, details } = res.json().error;
  expect(code).toBe('STALE_VERSION');
  expect(details).toMatchObject({ currentVersion, updatedBy });
  expect(new Date(details.updatedAt).getTime()).not.toBeNaN();
}

/** A plan with one team (a head) and one planned target, as the plan page shows them. */
async function planWithTeam() {
  const { plan } = await f.plan();
  const head = await f.person();
  const team = await f.team(plan.id, [{ personId: head.id, role: 'head' }]);
  const inspection = await f.inspection({ planId: plan.id, teamId: team.id });
  const page = async () =>
    (await ctx.as(cookies.admin, { method: 'GET', url: `/api/inspection-plans/${plan.id}` })).json<{
      teams: { id: string; version: number; name: string; targets: { inspectionId: string; version: number }[] }[];
    }>();
  return { plan, head, team, inspection, page };
}

describe('inspection teams carry a version', () => {
  it('answers it on the plan page; a write from it is +1, a stale one is 409 naming who changed it, none is 428', async () => {
    const { team, head, page } = await planWithTeam();
    expect((await page()).teams[0].version).toBe(1);
    const url = `/api/inspection-teams/${team.id}`;

    const ok = await ctx.as(cookies.admin, { method: 'PATCH', url, payload: { name: 'Đoàn A', version: 1 } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().version).toBe(2);
    expect(ok.headers.etag).toBe('"2"');
    expect((await page()).teams[0]).toMatchObject({ name: 'Đoàn A', version: 2 });

    // a second writer still on version 1 is refused, and nothing of its change is kept
    const member = await f.person();
    const stale = await ctx.as(cookies.secretariat, {
      method: 'PATCH',
      url,
      payload: { name: 'Đoàn B', members: [{ personId: member.id, role: 'head' }], version: 1 },
    });
    expectStale(stale, 2, await nameOf(cookies.admin));
    const after = (await ctx.as(cookies.admin, { method: 'GET', url: `/api/inspection-plans/${team.planId}` })).json();
    expect(after.teams[0]).toMatchObject({ name: 'Đoàn A', members: [expect.objectContaining({ personId: head.id })] });

    // a membership edit alone moves the version too; If-Match works as the body field does
    const members = await ctx.as(cookies.secretariat, {
      method: 'PATCH',
      url,
      payload: { members: [{ personId: member.id, role: 'head' }] },
      headers: { 'if-match': '"2"' },
    });
    expect(members.statusCode, members.body).toBe(200);
    expect(members.json().version).toBe(3);
    expectStale(
      await ctx.as(cookies.admin, { method: 'PATCH', url, payload: { name: 'Muộn' }, headers: { 'if-match': '"2"' } }),
      3,
      await nameOf(cookies.secretariat),
    );

    const none = await ctx.as(cookies.admin, { method: 'PATCH', url, payload: { name: 'Không phiên bản' } });
    expect(none.statusCode).toBe(428);
    expect(none.json().error.code).toBe('VERSION_REQUIRED');
    expect((await page()).teams[0]).toMatchObject({ name: 'Đoàn A', version: 3 });
  });

  it.skipIf(!onServer)('of 8 concurrent writers from the same version exactly one wins (PostgreSQL)', async () => {
    const { team, page } = await planWithTeam();
    const winner = (
      await raceWriters((i) =>
        ctx.as(i % 2 ? cookies.admin : cookies.secretariat, {
          method: 'PATCH',
          url: `/api/inspection-teams/${team.id}`,
          payload: { name: `Đoàn ${i}`, version: 1 },
        }),
      )
    ).winner.json<{ name: string }>();
    expect((await page()).teams[0]).toMatchObject({ name: winner.name, version: 2 });
  });
});

describe('targets (inspections) carry a version', () => {
  it('a window move from the version read is +1; stale is 409, none is 428; a status move bumps it too', async () => {
    const { team, inspection, page } = await planWithTeam();
    expect((await page()).teams[0].targets[0].version).toBe(1);
    const url = `/api/inspection-teams/${team.id}/targets/${inspection.id}`;

    const ok = await ctx.as(cookies.admin, {
      method: 'PATCH',
      url,
      payload: { windowStart: '2023-06-02', version: 1 },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ windowStart: '2023-06-02', version: 2 });
    expect(ok.headers.etag).toBe('"2"');
    expectStale(
      await ctx.as(cookies.secretariat, { method: 'PATCH', url, payload: { windowStart: '2023-06-03', version: 1 } }),
      2,
      await nameOf(cookies.admin),
    );
    expect(
      (await ctx.as(cookies.admin, { method: 'PATCH', url, payload: { windowEnd: '2023-06-11' } })).statusCode,
    ).toBe(428);

    // any change of the inspection moves its version: a window edit read before the unit was notified is stale
    const moved = await ctx.as(cookies.secretariat, {
      method: 'POST',
      url: `/api/inspections/${inspection.id}/transitions`,
      payload: { to: 'notified' },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().version).toBe(3);
    expect(moved.headers.etag).toBe('"3"');
    expectStale(
      await ctx.as(cookies.admin, { method: 'PATCH', url, payload: { windowEnd: '2023-06-12', version: 2 } }),
      3,
      await nameOf(cookies.secretariat),
    );
    expect((await page()).teams[0].targets[0]).toMatchObject({ windowStart: '2023-06-02', version: 3 });
  });

  it.skipIf(!onServer)('of 8 concurrent window moves from the same version exactly one wins (PostgreSQL)', async () => {
    const { team, inspection, page } = await planWithTeam();
    const winner = (
      await raceWriters((i) =>
        ctx.as(i % 2 ? cookies.admin : cookies.secretariat, {
          method: 'PATCH',
          url: `/api/inspection-teams/${team.id}/targets/${inspection.id}`,
          payload: { windowEnd: `2023-06-1${i}`, version: 1 },
        }),
      )
    ).winner.json<{ windowEnd: string }>();
    expect((await page()).teams[0].targets[0]).toMatchObject({ windowEnd: winner.windowEnd, version: 2 });
  });
});
