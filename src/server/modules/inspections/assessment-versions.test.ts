import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { raceWriters } from '../../test/race-writers.js';
import { useTestContext } from '../../test/test-app.js';

/**
 * Issue 10 §2: a content area's assessment is versioned. An area never assessed is version 0: the first save inserts
 * version 1, and a second save also from 0 is stale rather than a silent overwrite.
 */
const { ctx, f, cookies } = useTestContext({ login: ['secretariat'] });

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

async function inProgress() {
  const s = await f.scene({ status: 'in_progress' });
  const head = await ctx.login(s.inspector.username, s.inspector.password);
  const url = `/api/inspections/${s.inspection.id}/assessments/${s.areas[0].id}`;
  const area = async () =>
    (await ctx.as(head, { method: 'GET', url: `/api/inspections/${s.inspection.id}` }))
      .json<{ contentAreas: { id: string; assessment: { version: number; notes: string } | null }[] }>()
      .contentAreas.find((a) => a.id === s.areas[0].id)!.assessment;
  return { s, head, url, area };
}

describe('content-area assessments carry a version', () => {
  it('first save from 0 inserts version 1; a second save from 0 is stale; +1 from the right one; none is 428', async () => {
    const { head, url, area } = await inProgress();
    expect(await area()).toBeNull();

    const first = await ctx.as(head, { method: 'PUT', url, payload: { rating: 'fair', notes: 'Lần đầu', version: 0 } });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ rating: 'fair', notes: 'Lần đầu', version: 1 });
    expect(first.headers.etag).toBe('"1"');
    expect(await area()).toMatchObject({ notes: 'Lần đầu', version: 1 });

    // the secretariat also opened the area before it was first assessed
    expectStale(
      await ctx.as(cookies.secretariat, {
        method: 'PUT',
        url,
        payload: { rating: 'good', notes: 'Cùng lúc', version: 0 },
      }),
      1,
      await nameOf(head),
    );
    const second = await ctx.as(cookies.secretariat, {
      method: 'PUT',
      url,
      payload: { rating: 'good', notes: 'Lần hai' },
      headers: { 'if-match': '"1"' },
    });
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json().version).toBe(2);
    expectStale(
      await ctx.as(head, { method: 'PUT', url, payload: { rating: 'weak', notes: 'Muộn', version: 1 } }),
      2,
      await nameOf(cookies.secretariat),
    );
    const none = await ctx.as(head, { method: 'PUT', url, payload: { rating: 'weak', notes: 'Không phiên bản' } });
    expect(none.statusCode).toBe(428);
    expect(none.json().error.code).toBe('VERSION_REQUIRED');
    expect(await area()).toMatchObject({ notes: 'Lần hai', version: 2 });
  });

  it('an issued conclusion still freezes the assessment, whatever version the writer names', async () => {
    const s = await f.scene({ status: 'issued' });
    const head = await ctx.login(s.inspector.username, s.inspector.password);
    const res = await ctx.as(head, {
      method: 'PUT',
      url: `/api/inspections/${s.inspection.id}/assessments/${s.areas[0].id}`,
      payload: { rating: 'good', notes: 'Sau khi ban hành', version: 0 },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('IMMUTABLE');
  });

  it.skipIf(!onServer)('of 8 concurrent first saves (all from 0) exactly one wins (PostgreSQL)', async () => {
    const { head, url, area } = await inProgress();
    const save = (i: number, version: number) =>
      ctx.as(i % 2 ? head : cookies.secretariat, {
        method: 'PUT',
        url,
        payload: { rating: 'fair', notes: `Người ${i}`, version },
      });
    const { winner: first } = await raceWriters((i) => save(i, 0));
    expect(await area()).toMatchObject({ notes: first.json().notes, version: 1 });
    // and again from an existing version (the UPDATE path)
    const { winner: next } = await raceWriters((i) => save(i + 8, 1));
    expect(await area()).toMatchObject({ notes: next.json().notes, version: 2 });
  });
});
