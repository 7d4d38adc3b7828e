import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../test/test-app.js';

const { ctx, cookies } = useTestContext({ login: ['secretariat'] });
const list = async (query: string) =>
  (await ctx.as(cookies.secretariat, { method: 'GET', url: `/api/follow-ups?${query}` })).json<{
    items: { id: string }[];
    total: number;
  }>();

describe('follow-up list paging (the page and its count come from one query)', () => {
  it('counts every match whatever the page, also past the end', async () => {
    const all = await list('limit=100');
    expect(all.total).toBe(all.items.length);
    expect(all.total).toBeGreaterThan(2);
    const first = await list('limit=1');
    expect(first.items).toHaveLength(1);
    expect(first.total).toBe(all.total);
    const second = await list('limit=1&offset=1');
    expect(second.items.map((i) => i.id)).toEqual([all.items[1].id]);
    expect(second.total).toBe(all.total);
    const beyond = await list(`limit=10&offset=${all.total + 5}`);
    expect(beyond).toEqual({ items: [], total: all.total });
    const none = await list('limit=10&q=zzzzzz-no-such-follow-up');
    expect(none).toEqual({ items: [], total: 0 });
  });
});
