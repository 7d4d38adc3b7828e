import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../lib/clock.js';
import { useTestContext } from '../../test/test-app.js';
import { issueConclusion } from '../follow-ups/test-helpers.js';

const { ctx, f } = useTestContext({ clock: fixedClock('2024-05-01T00:00:00Z') });

describe('dashboard', () => {
  it("counts a unit's inspections per plan and status, its follow-ups, and lists the most overdue first", async () => {
    const scene = await f.scene({ status: 'follow_up' });
    // a second inspection of the same unit in the plan is another team's (one per team and unit, issue 10)
    const otherTeam = await f.team(scene.plan.id);
    await f.inspection({
      planId: scene.plan.id,
      teamId: otherTeam.id,
      targetOrgUnitId: scene.target.id,
      status: 'in_progress',
    });
    await f.inspection({ planId: scene.plan.id, teamId: scene.team.id, status: 'closed' }); // another unit's
    await issueConclusion(ctx, scene, [
      { kind: 'remedy', text: 'Quá hạn lâu', addresseeOrgUnitId: scene.target.id, dueDate: '2024-03-01' },
      { kind: 'remedy', text: 'Quá hạn 1 ngày', addresseeOrgUnitId: scene.target.id, dueDate: '2024-04-30' },
      { kind: 'recommendation', text: 'Đến hạn hôm nay', addresseeOrgUnitId: scene.target.id, dueDate: '2024-05-01' },
    ]);
    const unit = await ctx.login(scene.unitUser.username, scene.unitUser.password);
    const res = await ctx.as(unit, { method: 'GET', url: '/api/dashboard' });
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d.plans).toEqual([
      expect.objectContaining({
        id: scene.plan.id,
        code: scene.plan.code,
        inspectionsTotal: 2,
        progressPercent: 50,
        byStatus: expect.objectContaining({ follow_up: 1, in_progress: 1, closed: 0, planned: 0 }),
      }),
    ]);
    expect(d).toMatchObject({
      inspectionsTotal: 2,
      conclusionsIssued: 1,
      followUps: { open: 3, inProgress: 0, done: 0, accepted: 0, overdue: 2 },
    });
    expect(d.overdueFollowUps.map((i: { text: string; daysOverdue: number }) => [i.text, i.daysOverdue])).toEqual([
      ['Quá hạn lâu', 61],
      ['Quá hạn 1 ngày', 1],
    ]);
  });

  it("shows every plan to the secretariat, with the plan's progress over all its targets", async () => {
    const scene = await f.scene({ status: 'closed' });
    await f.inspection({ planId: scene.plan.id, teamId: scene.team.id, status: 'planned' });
    await f.inspection({ planId: scene.plan.id, teamId: scene.team.id, status: 'issued' });
    const empty = await f.plan();
    // more overdue follow-ups than the list shows: it must show exactly its ten
    const late = await f.scene({ status: 'follow_up' });
    await issueConclusion(
      ctx,
      late,
      Array.from({ length: 11 }, (_, i) => ({
        kind: 'remedy' as const,
        text: `Quá hạn ${i}`,
        addresseeOrgUnitId: late.target.id,
        dueDate: '2024-04-01',
      })),
    );
    const d = (await ctx.as(await ctx.login('secretariat'), { method: 'GET', url: '/api/dashboard' })).json();
    expect(d.plans.find((p: { id: string }) => p.id === scene.plan.id)).toMatchObject({
      inspectionsTotal: 3,
      progressPercent: 67,
    });
    expect(d.plans.find((p: { id: string }) => p.id === empty.plan.id)).toMatchObject({
      inspectionsTotal: 0,
      progressPercent: 0,
    });
    const planSum = d.plans.reduce((n: number, p: { inspectionsTotal: number }) => n + p.inspectionsTotal, 0);
    expect(d.inspectionsTotal).toBe(planSum);
    expect(d.overdueFollowUps).toHaveLength(10);
  });

  it('needs a session', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/dashboard' })).statusCode).toBe(401);
  });
});
