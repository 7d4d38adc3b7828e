import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../test/test-app.js';

const { ctx, f, cookies } = useTestContext({ login: ['admin'] });
type Page = {
  items: { id: string; teamCount: number; inspectionCount: number; inspectionsByStatus: Record<string, number> }[];
  total: number;
};
const list = async (query: string) =>
  (await ctx.as(cookies.admin, { method: 'GET', url: `/api/inspection-plans?${query}` })).json<Page>();

describe('plan list paging (the page, its count and each plan’s counts come from one statement)', () => {
  it('counts every match whatever the page, also past the end, and each plan’s teams and inspections', async () => {
    const program = await f.program();
    const plans = [];
    for (let i = 0; i < 3; i++) plans.push((await f.plan({ programId: program.id, year: 2019 })).plan);
    // plan 0: two teams, inspections planned, planned, issued; plan 1: one team, no inspection; plan 2: nothing
    const t1 = await f.team(plans[0].id);
    await f.team(plans[0].id);
    await f.team(plans[1].id);
    for (const status of ['planned', 'planned', 'issued'] as const)
      await f.inspection({ planId: plans[0].id, teamId: t1.id, status });

    const all = await list(`programId=${program.id}&limit=100`);
    expect(all.total).toBe(3);
    expect(all.items).toHaveLength(3);
    const byId = new Map(all.items.map((p) => [p.id, p]));
    const zero = { planned: 0, notified: 0, in_progress: 0, drafting: 0, issued: 0, follow_up: 0, closed: 0 };
    const p0 = byId.get(plans[0].id)!;
    expect(p0.teamCount).toBe(2);
    expect(p0.inspectionCount).toBe(3);
    expect(p0.inspectionsByStatus).toEqual({ ...zero, planned: 2, issued: 1 });
    // the statuses keep their catalogue order in the response
    expect(Object.keys(p0.inspectionsByStatus)).toEqual(Object.keys(zero));
    expect(byId.get(plans[1].id)).toMatchObject({ teamCount: 1, inspectionCount: 0, inspectionsByStatus: zero });
    expect(byId.get(plans[2].id)).toMatchObject({ teamCount: 0, inspectionCount: 0, inspectionsByStatus: zero });

    const second = await list(`programId=${program.id}&limit=1&offset=1`);
    expect(second.items.map((p) => p.id)).toEqual([all.items[1].id]);
    expect(second.total).toBe(3);
    expect(await list(`programId=${program.id}&limit=10&offset=8`)).toEqual({ items: [], total: 3 });
    expect(await list(`programId=${program.id}&limit=10&q=zzzzzz-no-such-plan`)).toEqual({ items: [], total: 0 });
  });
});
