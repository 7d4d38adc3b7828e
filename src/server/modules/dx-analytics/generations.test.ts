import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BreakdownResult } from '../../../shared/contracts/dx-analytics.js';
import { sameGeneration } from '../../../shared/dx/applicability.js';
import { dxFrameworkVersions } from '../../db/schema/index.js';
import { createTestContext, type TestContext } from '../../test/test-app.js';
import { addScored, testFrameworkVersion, unitIds } from './test-helpers.js';

/*
 * Results of different framework generations are never averaged: every analytics query reads exactly one framework
 * version (`frameworkVersionId`, one value; the default is one version too), and the rollup is keyed by version. So a
 * 2021-generation score and a 2025-generation score of the same year and commune never meet in one mean.
 */
let ctx: TestContext;
let secretariat: string;
const v: Record<'old' | 'new', string> = { old: '', new: '' };

beforeAll(async () => {
  ctx = await createTestContext();
  secretariat = await ctx.login('secretariat');
  const u = await unitIds(ctx.handle.db, ['HN.00004']);
  for (const [key, generation, total] of [
    ['old', 'qd1970-2021', 100],
    ['new', 'qd1567-2025', 40],
  ] as const) {
    v[key] = await testFrameworkVersion(ctx.handle.db);
    await ctx.handle.db.update(dxFrameworkVersions).set({ generation }).where(eq(dxFrameworkVersions.id, v[key]));
    await addScored(
      ctx.handle.db,
      {
        frameworkVersionId: v[key],
        year: 2025,
        communeId: u['HN.00004'],
        sectorCode: 'C',
        sizeClass: 'micro',
        overallLevel: 1,
        totalScore: total,
        pillarScores: [total / 2, total / 2],
      },
      6,
    );
  }
});
afterAll(() => ctx?.close());

describe('analytics never mix framework generations', () => {
  it('each query reads one version: the same year and commune on two generations give two separate means', async () => {
    const rows = await ctx.handle.db
      .select({ id: dxFrameworkVersions.id, generation: dxFrameworkVersions.generation })
      .from(dxFrameworkVersions);
    const gen = (id: string) => ({ code: id, generation: rows.find((r) => r.id === id)!.generation });
    expect(sameGeneration(gen(v.old), gen(v.new))).toBe(false);
    for (const [key, mean] of [
      ['old', 100],
      ['new', 40],
    ] as const) {
      const res = await ctx.as(secretariat, {
        method: 'GET',
        url: `/api/dx/analytics/breakdown?frameworkVersionId=${v[key]}&groupBy=year`,
      });
      const body = res.json<BreakdownResult>();
      expect(body.frameworkVersion?.id).toBe(v[key]);
      // never 70 over 12
      expect(body.rows.map((r) => r.stats)).toEqual([expect.objectContaining({ n: 6, meanTotal: mean })]);
    }
  });

  it('two versions in one query are refused (400 naming the field)', async () => {
    const res = await ctx.as(secretariat, {
      method: 'GET',
      url: `/api/dx/analytics/breakdown?frameworkVersionId=${v.old},${v.new}&groupBy=year`,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues[0].field).toMatch(/frameworkVersionId/);
  });
});
