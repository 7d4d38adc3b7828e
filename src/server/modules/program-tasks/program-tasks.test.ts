import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../lib/clock.js';
import { useTestContext, issueFields as fields } from '../../test/test-app.js';
import { monitoringScene, reportWriter } from '../reporting-rounds/test-helpers.js';

// the same monitoring scene and day as the indicators' tests (they lived there)
const { ctx, f, cookies } = useTestContext({
  clock: fixedClock('2025-03-10T03:00:00Z'),
  login: ['secretariat', 'viewer'],
});
const as = reportWriter(ctx, () => cookies.secretariat);
describe('program tasks', () => {
  it('delegates only to a sub-unit of the lead; the delegate reports progress, the lead sees it but does not report', async () => {
    const s = await monitoringScene(ctx, f, cookies.secretariat);
    const bad = await as(cookies.secretariat, {
      method: 'PATCH',
      url: `/api/program-tasks/${s.task.id}`,
      payload: { delegatedOrgUnitId: s.other.id },
    });
    expect(bad.statusCode).toBe(400);
    expect(fields(bad)).toEqual(['body.delegatedOrgUnitId']);
    const progress = { status: 'in_progress', progressPercent: 30, spentVnd: 500_000_000, note: 'Đã tổ chức 6 khóa' };
    expect(
      (await as(s.lead_, { method: 'POST', url: `/api/program-tasks/${s.task.id}/updates`, payload: progress }))
        .statusCode,
    ).toBe(403);
    expect((await as(s.other_, { method: 'GET', url: `/api/program-tasks/${s.task.id}` })).statusCode).toBe(403);
    expect(
      (
        await as(cookies.viewer, {
          method: 'POST',
          url: `/api/program-tasks/${s.task.id}/updates`,
          payload: progress,
        })
      ).statusCode,
    ).toBe(403);
    const ok = await as(s.center_, {
      method: 'POST',
      url: `/api/program-tasks/${s.task.id}/updates`,
      payload: progress,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      status: 'in_progress',
      progressPercent: 30,
      budgetSpentVnd: 500_000_000,
      canReport: true,
    });
    expect(ok.json().history).toEqual([expect.objectContaining({ note: 'Đã tổ chức 6 khóa', progressPercent: 30 })]);
    const leadList = (await as(s.lead_, { method: 'GET', url: '/api/program-tasks' })).json();
    expect(leadList.items.map((t: { id: string }) => t.id)).toEqual([s.task.id]);
    expect((await as(s.other_, { method: 'GET', url: '/api/program-tasks' })).json().items).toEqual([]);
    expect(
      fields(
        await as(s.center_, {
          method: 'POST',
          url: `/api/program-tasks/${s.task.id}/updates`,
          payload: { ...progress, spentVnd: -1 },
        }),
      ),
    ).toEqual(['body.spentVnd']);
  });

  it('computes overdue from the deadline and today, and counts tasks and budget on the dashboard', async () => {
    const s = await monitoringScene(ctx, f, cookies.secretariat);
    const past = await as(cookies.secretariat, {
      method: 'POST',
      url: '/api/program-tasks',
      payload: {
        programId: s.program.id,
        code: 'T-02',
        title: 'Việc quá hạn',
        leadOrgUnitId: s.lead.id,
        deadline: '2025-03-01',
        budgetAllocatedVnd: 1_000_000,
        status: 'in_progress',
      },
    });
    expect(past.json()).toMatchObject({ overdue: true, daysOverdue: 9 });
    const done = await as(cookies.secretariat, {
      method: 'POST',
      url: '/api/program-tasks',
      payload: {
        programId: s.program.id,
        code: 'T-03',
        title: 'Việc xong',
        leadOrgUnitId: s.lead.id,
        deadline: '2025-01-01',
        status: 'completed',
        budgetAllocatedVnd: 5,
        budgetSpentVnd: 5,
      },
    });
    expect(done.json()).toMatchObject({ overdue: false, completedDate: '2025-03-10' });
    const dash = (
      await as(cookies.viewer, {
        method: 'GET',
        url: `/api/monitoring/dashboard?programId=${s.program.id}&year=2024`,
      })
    ).json();
    expect(dash.tasks.byStatus).toMatchObject({ not_started: 1, in_progress: 1, completed: 1 });
    expect(dash.tasks.overdue.map((t: { code: string }) => t.code)).toEqual(['T-01', 'T-02']);
    expect(dash.budget).toMatchObject({ allocatedVnd: 2_001_000_005, spentVnd: 5 });
    expect(
      (
        await as(cookies.viewer, {
          method: 'GET',
          url: `/api/program-tasks?programId=${s.program.id}&overdue=true`,
        })
      ).json().total,
    ).toBe(2);
  });
});
