import { describe, expect, it } from 'vitest';
import { indicatorInput } from '../../../shared/contracts/indicators.js';
import { SYSTEM_ACTOR } from '../../http/authorize.js';
import { unique, useTestContext } from '../../test/test-app.js';

const { ctx, f, cookies } = useTestContext({ login: ['admin'] });
type Page = { items: { id: string; code: string }[]; total: number };
const list = async (query: string) =>
  (await ctx.as(cookies.admin, { method: 'GET', url: `/api/indicators?${query}` })).json<Page>();

describe('indicator list (the page, its total and every indicator’s units and targets from one statement)', () => {
  it('shows each indicator as its own page does, and counts every match whatever the page', async () => {
    const program = await f.program();
    const [u1, u2] = [await f.orgUnit({ name: `Đơn vị B ${unique('u')}` }), await f.orgUnit({ name: 'Đơn vị A' })];
    const plan = await f.monitoringPlan({ programId: program.id });
    await f.indicator({ programId: program.id });
    await f.indicator({ programId: program.id, planId: plan.id, orgUnitIds: [u1.id, u2.id] });
    await ctx.services.indicators.create(
      SYSTEM_ACTOR,
      indicatorInput.parse({
        programId: program.id,
        code: `IND_${Math.random().toString(36).slice(2, 10)}`,
        nameVi: 'Chỉ tiêu nhiều mục tiêu',
        measureUnit: 'percent',
        periodType: 'year',
        periodAggregation: 'average',
        unitAggregation: 'average',
        direction: 'higher',
        responsibleOrgUnitIds: [u2.id, u1.id],
        targets: [
          { year: 2025, value: 87.25 },
          { year: 2023, value: 0.1 },
          { year: 2024, orgUnitId: u1.id, value: 12.5 },
          { year: 2024, value: 1e-7 },
        ],
      }),
    );

    const all = await list(`programId=${program.id}&limit=100`);
    expect(all.total).toBe(3);
    expect(all.items).toHaveLength(3);
    // the list's items are the indicators' own pages (read apart, the units and targets by their own queries)
    for (const item of all.items) {
      const one = (await ctx.as(cookies.admin, { method: 'GET', url: `/api/indicators/${item.id}` })).json();
      expect(item).toStrictEqual(one);
    }
    const many = all.items.find((i) => (i as unknown as { targets: unknown[] }).targets.length === 4)!;
    expect((many as unknown as { responsibleUnits: { name: string }[] }).responsibleUnits[0].name).toBe('Đơn vị A');
    expect((many as unknown as { targets: { year: number }[] }).targets.map((t) => t.year)).toEqual([
      2023, 2024, 2024, 2025,
    ]);

    const second = await list(`programId=${program.id}&limit=1&offset=1`);
    expect(second.items.map((i) => i.id)).toEqual([all.items[1].id]);
    expect(second.total).toBe(3);
    expect(await list(`programId=${program.id}&limit=10&offset=7`)).toEqual({ items: [], total: 3 });
    expect(await list(`programId=${program.id}&q=zzzzzz-no-such-indicator`)).toEqual({ items: [], total: 0 });
  });
});
