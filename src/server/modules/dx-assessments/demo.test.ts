import { describe, expect, it } from 'vitest';
import { checkTaxCode } from '../../../shared/enterprises/tax-code.js';
import { useTestContext } from '../../test/test-app.js';

const { ctx } = useTestContext();

describe('demo enterprise', () => {
  it('enterprise-demo (password demo) has a valid enterprise and an assessment about half answered', async () => {
    const me = await ctx.login('enterprise-demo', 'demo');
    const e = (await ctx.as(me, { method: 'GET', url: '/api/enterprises/me' })).json();
    expect(checkTaxCode(e.taxCode).valid).toBe(true);
    expect(e).toMatchObject({
      sizeClass: 'small',
      communeResolution: 'direct',
      currentCommune: { name: 'Phường Tây Hồ' },
    });
    const list = (await ctx.as(me, { method: 'GET', url: '/api/dx/assessments' })).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ status: 'draft', year: 2025, framework: { code: 'DBI-SME', version: 1 } });
    const detail = (await ctx.as(me, { method: 'GET', url: `/api/dx/assessments/${list.items[0].id}` })).json();
    const answered = detail.progress.reduce((s: number, p: { answered: number }) => s + p.answered, 0);
    const total = detail.progress.reduce((s: number, p: { total: number }) => s + p.total, 0);
    expect(answered / total).toBeGreaterThan(0.35);
    expect(answered / total).toBeLessThan(0.65);
  });
});
