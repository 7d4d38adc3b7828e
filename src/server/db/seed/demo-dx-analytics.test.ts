import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { dxAssessments } from '../schema/index.js';
import type { BreakdownResult } from '../../../shared/contracts/dx-analytics.js';
import { rollupMismatches } from '../../modules/dx-analytics/test-helpers.js';
import { useTestContext } from '../../test/test-app.js';
import { seedDemoDxAnalytics } from './demo-dx-analytics.js';

const { ctx } = useTestContext();

describe('DX analytics demo data', () => {
  it('seeds scored DBI-SME assessments for 2023–2025 through the import, so the charts have content', async () => {
    const res = await seedDemoDxAnalytics(ctx.services, 300);
    // 720 allotted; the 33 of large firms are not written: DBI-SME is for micro, small and medium firms only
    expect(res).toEqual({ enterprises: 300, assessments: 687, skipped: 33 });
    const bySize = await ctx.handle.db
      .select({ sizeClass: dxAssessments.sizeClass, n: count() })
      .from(dxAssessments)
      .where(eq(dxAssessments.source, 'import'))
      .groupBy(dxAssessments.sizeClass);
    expect(bySize.map((r) => r.sizeClass).sort()).toEqual(['medium', 'micro', 'small']);
    expect(bySize.reduce((n, r) => n + r.n, 0)).toBe(687);
    const cookie = await ctx.login('secretariat');
    const r = await ctx.as(cookie, { method: 'GET', url: '/api/dx/analytics/breakdown?groupBy=year' });
    const body = r.json<BreakdownResult>();
    expect(body.frameworkVersion?.frameworkCode).toBe('DBI-SME');
    expect(body.rows.map((x) => x.key.year?.code)).toEqual(['2023', '2024', '2025']);
    // grouped by year there is no total across years (not a cell of the publication cube): the years add up
    expect(body.total).toBeNull();
    expect(body.rows.reduce((n, x) => n + (x.stats.suppressed ? 0 : x.stats.n), 0)).toBe(687);
    expect(body.pillars).toHaveLength(6);
    expect(await rollupMismatches(ctx.handle.db, body.frameworkVersion!.id)).toEqual([]);
  });
});
