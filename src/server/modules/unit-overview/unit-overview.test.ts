import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../lib/clock.js';
import { useTestContext, issueFields as fields } from '../../test/test-app.js';
import { issueConclusion } from '../follow-ups/test-helpers.js';
import { monitoringScene, reportWriter } from '../reporting-rounds/test-helpers.js';

// the same monitoring scene and day as the indicators' tests (they lived there)
const { ctx, f, cookies } = useTestContext({
  clock: fixedClock('2025-03-10T03:00:00Z'),
  login: ['secretariat', 'viewer'],
});
const as = reportWriter(ctx, () => cookies.secretariat);
describe('finding links and the unit page', () => {
  it('links a recommendation to an indicator and a task; the unit page joins indicators, tasks, reports, inspections and follow-ups', async () => {
    const scene = await f.scene({ status: 'issued' });
    const s = await monitoringScene(ctx, f, cookies.secretariat);
    const { findingIds } = await issueConclusion(ctx, scene, [
      { kind: 'recommendation', text: 'Đẩy nhanh đào tạo', addresseeOrgUnitId: scene.target.id, dueDate: '2025-06-30' },
    ]);
    const link = (cookie: string, payload: object) =>
      as(cookie, { method: 'POST', url: '/api/finding-links', payload });
    expect((await link(cookies.viewer, { findingId: findingIds[0], indicatorId: s.courses.id })).statusCode).toBe(403);
    const unit = await ctx.login(scene.unitUser.username, scene.unitUser.password);
    expect((await link(unit, { findingId: findingIds[0], indicatorId: s.courses.id })).statusCode).toBe(403);
    expect(
      fields(
        await link(cookies.secretariat, { findingId: findingIds[0], indicatorId: s.courses.id, taskId: s.task.id }),
      ),
    ).toEqual(['body.indicatorId']);
    const a = await link(cookies.secretariat, { findingId: findingIds[0], indicatorId: s.courses.id });
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json()).toMatchObject({ findingKind: 'recommendation', indicator: { code: 'COURSES' }, task: null });
    expect((await link(cookies.secretariat, { findingId: findingIds[0], indicatorId: s.courses.id })).statusCode).toBe(
      409,
    );
    expect((await link(cookies.secretariat, { findingId: findingIds[0], taskId: s.task.id })).statusCode).toBe(201);
    const listed = (
      await as(cookies.viewer, { method: 'GET', url: `/api/finding-links?inspectionId=${scene.inspection.id}` })
    ).json();
    expect(listed).toHaveLength(2);

    const page = await as(unit, { method: 'GET', url: `/api/org-units/${scene.target.id}/overview` });
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json().inspections.map((i: { id: string }) => i.id)).toEqual([scene.inspection.id]);
    expect(page.json().followUps).toHaveLength(1);
    expect(page.json().findingLinks).toHaveLength(2);
    expect((await as(unit, { method: 'GET', url: `/api/org-units/${s.center.id}/overview` })).statusCode).toBe(403);
    const center = (await as(s.center_, { method: 'GET', url: `/api/org-units/${s.center.id}/overview` })).json();
    expect(center.tasks).toEqual([expect.objectContaining({ code: 'T-01', role: 'delegated' })]);
    expect(center.reports).toEqual([expect.objectContaining({ roundId: s.round.id, status: 'draft' })]);

    expect(
      (await as(cookies.secretariat, { method: 'DELETE', url: `/api/finding-links/${a.json().id}` })).statusCode,
    ).toBe(204);
    expect(
      (await as(cookies.viewer, { method: 'GET', url: `/api/finding-links?findingId=${findingIds[0]}` })).json(),
    ).toHaveLength(1);
  });
});
