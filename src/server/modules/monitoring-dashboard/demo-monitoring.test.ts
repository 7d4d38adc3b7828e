import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../test/test-app.js';

const { ctx } = useTestContext();

describe('demo monitoring data', () => {
  it("carries the article's 2022 figures, the 3457 tasks of the Center, and an open round with a late and a missing unit", async () => {
    const viewer = await ctx.login('viewer');
    const d = await ctx.as(viewer, { method: 'GET', url: '/api/monitoring/dashboard?year=2022' });
    expect(d.statusCode, d.body).toBe(200);
    const dash = d.json();
    const by = Object.fromEntries(dash.indicators.map((i: { code: string }) => [i.code, i]));
    expect(by.QUY_DMST.current).toMatchObject({ actual: 16, target: 15, light: 'green' });
    expect(by.DX_KHOA_DT.current.actual).toBe(23);
    expect(by.DX_DN_SX.current.actual).toBe(18);
    expect(by.KHCN_DE_TAI.current.actual).toBe(6);
    expect(by.KHCN_DU_AN.current.actual).toBe(10);
    expect(by.KINH_PHI.current.actual).toBe(15e9);
    expect(by.DX_TONG_KHOA.current.actual).toBe(27);
    expect(by.KHCN_TY_LE_DU_AN.current.actual).toBeCloseTo(62.5);
    expect(dash.tasks.total).toBe(14);
    expect(dash.budget.allocatedVnd).toBeGreaterThan(15e9);

    const tasks = (await ctx.as(viewer, { method: 'GET', url: '/api/program-tasks?q=3457&limit=50' })).json();
    expect(tasks.items).toHaveLength(6);
    expect(
      tasks.items.every(
        (t: { delegatedUnit: { name: string } }) => t.delegatedUnit.name === 'Trung tâm Hỗ trợ doanh nghiệp Hà Nội',
      ),
    ).toBe(true);

    const rounds = (await ctx.as(viewer, { method: 'GET', url: '/api/reporting-rounds?status=open' })).json();
    const open = rounds.items.find((r: { title: string }) => r.title === 'Báo cáo năm 2025');
    expect(open.counts).toMatchObject({ expected: 3, onTime: 1, late: 1, missing: 1 });
    const reminders = (await ctx.as(viewer, { method: 'GET', url: '/api/reporting-reminders' })).json();
    expect(reminders.map((r: { orgUnit: { name: string } }) => r.orgUnit.name)).toContain(
      'Trung tâm Hỗ trợ doanh nghiệp Hà Nội',
    );
    // the Center's own account logs in and sees its report
    const unit = await ctx.login('unit-ttht');
    const mine = (await ctx.as(unit, { method: 'GET', url: `/api/reporting-rounds/${open.id}` })).json();
    expect(mine.units).toHaveLength(1);
    expect(mine.units[0]).toMatchObject({ status: 'draft', timeliness: 'missing' });
  });
});
