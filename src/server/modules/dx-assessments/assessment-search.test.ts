import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useTestContext, issueFields as fields } from '../../test/test-app.js';
import { enterpriseWithAccounts } from './test-helpers.js';

const { ctx, f } = useTestContext();

/** The list of assessments searched by the enterprise's name or tax code, as the other lists are (issue 15). */
describe('assessments list: search by enterprise', () => {
  it('finds by a name typed without diacritics or by part of the tax code; no match is an empty page', async () => {
    const tag = randomInt(1e9).toString(36);
    const { enterprise, cookies, secretariat } = await enterpriseWithAccounts(ctx, f, 1, {
      name: `Công ty Cổ phần Đường Sắt ${tag}`,
    });
    const other = await enterpriseWithAccounts(ctx, f);
    for (const e of [
      { cookie: cookies[0], year: 2024 },
      { cookie: other.cookies[0], year: 2024 },
    ]) {
      const res = await ctx.as(e.cookie, { method: 'POST', url: '/api/dx/assessments', payload: { year: e.year } });
      expect(res.statusCode).toBe(201);
    }
    const list = (q: string) =>
      ctx.as(secretariat, { method: 'GET', url: `/api/dx/assessments?q=${encodeURIComponent(q)}&limit=100` });

    const byName = await list(`duong sat ${tag}`);
    expect(byName.statusCode).toBe(200);
    expect(byName.json().total).toBe(1);
    expect(byName.json().items[0].enterprise.taxCode).toBe(enterprise.taxCode);

    const byTaxCode = await list(enterprise.taxCode.slice(2, 8));
    expect(byTaxCode.json().items.map((a: { enterprise: { id: string } }) => a.enterprise.id)).toContain(enterprise.id);
    expect(byTaxCode.json().items.map((a: { enterprise: { id: string } }) => a.enterprise.id)).not.toContain(
      other.enterprise.id,
    );

    const none = await list(`không có ${tag} nào`);
    expect(none.statusCode).toBe(200);
    expect(none.json()).toMatchObject({ items: [], total: 0 });
  });

  it('bad input is a 400 naming the field', async () => {
    const secretariat = await ctx.login('secretariat');
    const tooLong = await ctx.as(secretariat, { method: 'GET', url: `/api/dx/assessments?q=${'a'.repeat(201)}` });
    expect(tooLong.statusCode).toBe(400);
    expect(fields(tooLong)).toEqual(['querystring.q']);
    const control = await ctx.as(secretariat, { method: 'GET', url: '/api/dx/assessments?q=a%00b' });
    expect(control.statusCode).toBe(400);
    expect(fields(control)).toEqual(['querystring.q']);
  });
});
