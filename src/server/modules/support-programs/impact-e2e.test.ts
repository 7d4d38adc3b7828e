import { describe, expect, it } from 'vitest';
import type { Answers } from '../../../shared/dx/answers.js';
import { SYSTEM_ACTOR } from '../../http/authorize.js';
import { useTestContext } from '../../test/test-app.js';
import { bestDbiAnswers, minimalDbiAnswers } from '../dx-assessments/test-helpers.js';

// k = 2 here, so a handful of firms make publishable cells
const { ctx, f, cookies } = useTestContext({ login: ['secretariat', 'viewer'], env: { DX_SUPPRESS_BELOW: '2' } });

/** A submitted DBI-SME assessment of `taxCode` for `year` with these answers. */
async function scored(taxCode: string, year: number, answers: Answers) {
  const a = await f.assessment({ taxCode, year });
  await ctx.services.dxAssessments.saveAnswers(SYSTEM_ACTOR, a.id, answers);
  // through the API as the secretariat (the service's submit as the system actor writes 'system' as submitted_by)
  const res = await ctx.as(cookies.secretariat, { method: 'POST', url: `/api/dx/assessments/${a.id}/submit` });
  if (res.statusCode !== 200) throw new Error(res.body);
}

describe('impact of support, from scored assessments through the API', () => {
  it('compares enrolled firms’ change with similar firms’ and withholds what falls under k', async () => {
    // a sector of its own, so the demo's firms never fall in these cells
    const firm = () => f.enterprise({ sectorCode: 'R', employees: 12 });
    const enrolled = [await firm(), await firm()];
    const others = [await firm(), await firm()];
    for (const e of enrolled) {
      await scored(e.taxCode, 2023, minimalDbiAnswers());
      await scored(e.taxCode, 2025, bestDbiAnswers());
    }
    for (const e of others) {
      await scored(e.taxCode, 2023, minimalDbiAnswers());
      await scored(e.taxCode, 2025, minimalDbiAnswers());
    }
    const p = (
      await ctx.as(cookies.secretariat, {
        method: 'POST',
        url: '/api/support-programs',
        payload: {
          name: 'Hỗ trợ ngành R',
          legalBasis: 'Nghị định 80/2021/NĐ-CP',
          periodFrom: '2024-01-01',
          periodTo: '2024-12-31',
          budgetVnd: 1_000_000_000,
          kinds: ['dx_solutions'],
        },
      })
    ).json();
    for (const e of enrolled)
      await ctx.as(cookies.secretariat, {
        method: 'POST',
        url: `/api/support-programs/${p.id}/enrolments`,
        payload: { taxCode: e.taxCode, enrolledOn: '2024-02-01' },
      });

    const r = (await ctx.as(cookies.viewer, { method: 'GET', url: `/api/support-programs/${p.id}/impact` })).json();
    expect(r).toMatchObject({ baselineYear: 2023, suppressBelow: 2, notComparable: 0 });
    const cell = r.cells.find((c: { sectorCode: string }) => c.sectorCode === 'R');
    expect(cell.enrolled.n).toBe(2);
    expect(cell.others.n).toBe(2);
    expect(cell.others.meanChange).toBe(0);
    expect(cell.enrolled.meanChange).toBeGreaterThan(100);
    expect(cell.difference).toBe(cell.enrolled.meanChange);
    expect(r.caveat.vi).toMatch(/không phải là thí nghiệm có đối chứng/);

    // a third enrolled firm alone in another size class: its cell is withheld, never shown
    const alone = await f.enterprise({ sectorCode: 'R', employees: 80, revenueVnd: 200_000_000_000 });
    await scored(alone.taxCode, 2023, minimalDbiAnswers());
    await scored(alone.taxCode, 2025, bestDbiAnswers());
    await ctx.as(cookies.secretariat, {
      method: 'POST',
      url: `/api/support-programs/${p.id}/enrolments`,
      payload: { taxCode: alone.taxCode, enrolledOn: '2024-02-01' },
    });
    const again = (await ctx.as(cookies.viewer, { method: 'GET', url: `/api/support-programs/${p.id}/impact` })).json();
    const medium = again.cells.find((c: { sizeClass: string }) => c.sizeClass === 'medium');
    expect(medium).toMatchObject({ enrolled: null, others: null, difference: null });
  });
});
