import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../test/test-app.js';

const { ctx, f, cookies } = useTestContext({ login: ['admin'] });
type Page = { items: { id: string }[]; total: number };
const list = async (query: string) =>
  (await ctx.as(cookies.admin, { method: 'GET', url: `/api/inspections?${query}` })).json<Page>();

describe('inspection list paging (the page and its count come from one statement)', () => {
  it('counts every match whatever the page, also past the end', async () => {
    const { plan } = await f.plan();
    const team = await f.team(plan.id);
    for (const windowStart of ['2023-05-01', '2023-06-01', '2023-07-01'])
      await f.inspection({ planId: plan.id, teamId: team.id, windowStart, windowEnd: '2023-08-01' });
    const all = await list(`planId=${plan.id}&limit=100`);
    expect(all.total).toBe(3);
    expect(all.items).toHaveLength(3);
    const second = await list(`planId=${plan.id}&limit=1&offset=1`);
    expect(second.items.map((i) => i.id)).toEqual([all.items[1].id]);
    expect(second.total).toBe(3);
    expect(await list(`planId=${plan.id}&limit=10&offset=9`)).toEqual({ items: [], total: 3 });
    expect(await list(`planId=${plan.id}&q=zzzzzz-no-such-unit`)).toEqual({ items: [], total: 0 });
  });
});
