// The assessment list filters by the registry's tax code and the frameworks' code: since the list reads only its own
// table, both become ids from their owners (enterprises, dx-frameworks) before the query.
import { describe, expect, it } from 'vitest';
import { newTaxCode } from '../../test/factories.js';
import { useTestContext } from '../../test/test-app.js';

const { ctx, f, cookies } = useTestContext({ login: ['secretariat'] });

type Page = {
  items: { id: string; enterprise: { taxCode: string; name: string }; framework: object }[];
  total: number;
};
const list = async (cookie: string, query: string) => {
  const res = await ctx.as(cookie, { method: 'GET', url: `/api/dx/assessments?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Page>();
};

describe('assessment list', () => {
  it('filters by tax code and framework code, and names the enterprise and framework of each row', async () => {
    const [a, b] = [await f.enterprise(), await f.enterprise()];
    const dbi = await f.assessment({ taxCode: a.taxCode, year: 2024 });
    const dma = await f.assessment({ taxCode: a.taxCode, year: 2024, frameworkCode: 'EU-DMA-SME' });
    const other = await f.assessment({ taxCode: b.taxCode, year: 2024 });

    const ofA = await list(cookies.secretariat, `taxCode=${a.taxCode}`);
    expect(ofA.total).toBe(2);
    expect(ofA.items.map((i) => i.id).sort()).toEqual([dbi.id, dma.id].sort());
    const byId = new Map(ofA.items.map((i) => [i.id, i]));
    expect(byId.get(dbi.id)).toMatchObject({
      enterprise: { id: a.id, taxCode: a.taxCode, name: a.name },
      framework: { code: 'DBI-SME', version: dbi.framework.version },
    });
    expect(byId.get(dma.id)?.framework).toEqual(dma.framework);
    // the detail and the report describe the assessment as the list does
    const get = async (url: string) => (await ctx.as(cookies.secretariat, { method: 'GET', url })).json<object>();
    expect(await get(`/api/dx/assessments/${dbi.id}`)).toMatchObject(byId.get(dbi.id)!);
    expect(await get(`/api/dx/assessments/${dbi.id}/report`)).toMatchObject({ assessment: byId.get(dbi.id) });

    const dmaOfA = await list(cookies.secretariat, `taxCode=${a.taxCode}&frameworkCode=EU-DMA-SME`);
    expect(dmaOfA.items.map((i) => i.id)).toEqual([dma.id]);
    expect(dmaOfA.total).toBe(1);
    expect((await list(cookies.secretariat, `taxCode=${b.taxCode}`)).items.map((i) => i.id)).toEqual([other.id]);
  });

  it('answers an empty page for a tax code or framework nobody has, and never widens an enterprise account', async () => {
    const [a, b] = [await f.enterprise(), await f.enterprise()];
    await f.assessment({ taxCode: a.taxCode, year: 2023 });
    const mine = await f.assessment({ taxCode: b.taxCode, year: 2023 });
    expect(await list(cookies.secretariat, `taxCode=${newTaxCode()}`)).toEqual({ items: [], total: 0 });
    expect(await list(cookies.secretariat, `frameworkCode=NO-SUCH&taxCode=${a.taxCode}`)).toEqual({
      items: [],
      total: 0,
    });

    const user = await f.enterpriseUser(b.taxCode);
    const cookie = await ctx.login(user.username, user.password);
    // another enterprise's tax code does not open its rows to this account
    expect(await list(cookie, `taxCode=${a.taxCode}`)).toEqual({ items: [], total: 0 });
    const own = await list(cookie, '');
    expect(own.items.map((i) => i.id)).toEqual([mine.id]);
    expect((await list(cookie, `taxCode=${b.taxCode}`)).items.map((i) => i.id)).toEqual([mine.id]);
  });
});
