import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BreakdownResult, MoversResult } from '../../../shared/contracts/dx-analytics.js';
import { dxFrameworks, dxFrameworkVersions } from '../../db/schema/index.js';
import { createTestContext, type TestContext } from '../../test/test-app.js';
import { addScored, testDefinition, testFrameworkVersion, unitIds } from './test-helpers.js';

// What the analytics service keeps per process (known versions, commune codes) must never hide a change made
// after the first call, by this process or by another instance writing to the same database.
let ctx: TestContext;
let secretariat: string;
let u: Record<string, string>;

beforeAll(async () => {
  ctx = await createTestContext();
  secretariat = await ctx.login('secretariat');
  u = await unitIds(ctx.handle.db, ['HN.00004', 'HN.00118', 'HN.00127', 'HN.D001.00004']);
});
afterAll(() => ctx?.close());

const get = async <T>(url: string) => {
  const res = await ctx.as(secretariat, { method: 'GET', url });
  return { status: res.statusCode, body: res.json<T>() };
};
const facts = (frameworkVersionId: string, communeId: string | null, year = 2024) => ({
  frameworkVersionId,
  year,
  communeId,
  sectorCode: 'C',
  sizeClass: 'micro',
  overallLevel: 1,
  totalScore: 50,
  pillarScores: [20, 30],
});

describe('analytics caches', () => {
  it('sees a draft version once it is published, after a first call', async () => {
    const first = await testFrameworkVersion(ctx.handle.db);
    await addScored(ctx.handle.db, facts(first, u['HN.00004']), 5);
    expect(
      (await get(`/api/dx/analytics/breakdown?frameworkVersionId=${first}&groupBy=commune&year=2024`)).status,
    ).toBe(200);

    const [fw] = await ctx.handle.db
      .select({ id: dxFrameworks.id })
      .from(dxFrameworks)
      .innerJoin(dxFrameworkVersions, eq(dxFrameworkVersions.frameworkId, dxFrameworks.id))
      .where(eq(dxFrameworkVersions.id, first));
    const [draft] = await ctx.handle.db
      .insert(dxFrameworkVersions)
      .values({
        frameworkId: fw.id,
        version: 2,
        status: 'draft',
        definition: testDefinition('DRAFT'),
        definitionSha256: 'draft',
      })
      .returning();
    const refused = await get<{ error: { details: { issues: { field: string }[] } } }>(
      `/api/dx/analytics/breakdown?frameworkVersionId=${draft.id}&groupBy=commune`,
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.issues[0].field).toBe('querystring.frameworkVersionId');

    // published behind the service's back, as another instance would
    await ctx.handle.db
      .update(dxFrameworkVersions)
      .set({ status: 'published', publishedAt: new Date() })
      .where(eq(dxFrameworkVersions.id, draft.id));
    await addScored(ctx.handle.db, facts(draft.id, u['HN.00118']), 6);
    const seen = await get<BreakdownResult>(
      `/api/dx/analytics/breakdown?frameworkVersionId=${draft.id}&groupBy=commune&year=2024`,
    );
    expect(seen.status).toBe(200);
    expect(seen.body.frameworkVersion).toMatchObject({ id: draft.id, version: 2 });
    expect(seen.body.rows.map((r) => [r.key.commune!.code, r.stats.suppressed ? null : r.stats.n])).toEqual([
      ['HN.00118', 6],
    ]);
  });

  it('moves the default to a newer published version of the DBI framework, after a first call', async () => {
    const before = await get<BreakdownResult>('/api/dx/analytics/breakdown?groupBy=commune');
    expect(before.body.frameworkVersion?.frameworkCode).toBe('DBI-SME');
    const current = before.body.frameworkVersion!;
    // a copy of the current definition as the next version
    const res = await ctx.handle.db.execute(sql`
      insert into dx_framework_versions (framework_id, version, status, definition, definition_sha256, published_at)
      select framework_id, version + 1, 'published', definition, 'next-' || definition_sha256, now()
      from dx_framework_versions where id = ${current.id} returning id`);
    const next = ((res as { rows?: { id: string }[] }).rows ?? (res as { id: string }[]))[0];
    const after = await get<BreakdownResult>('/api/dx/analytics/breakdown?groupBy=commune');
    expect(after.body.frameworkVersion).toEqual({
      id: next.id,
      frameworkCode: 'DBI-SME',
      version: current.version + 1,
    });
  });

  it('names a commune outside the 2025 geography by its own code, whichever way the rollup is read', async () => {
    const v = await testFrameworkVersion(ctx.handle.db);
    // a pre-2025 commune: not among the communes the service keeps, so its code is looked up once
    await addScored(ctx.handle.db, facts(v, u['HN.D001.00004']), 7);
    await addScored(ctx.handle.db, facts(v, u['HN.00004']), 5);
    await addScored(ctx.handle.db, facts(v, null), 5);
    for (const year of ['&year=2024', '']) {
      const { body } = await get<BreakdownResult>(
        `/api/dx/analytics/breakdown?frameworkVersionId=${v}&groupBy=commune${year}`,
      );
      expect(
        body.rows.map((r) => [r.key.commune!.code, r.key.commune!.name, r.stats.suppressed ? null : r.stats.n]),
      ).toEqual([
        ['HN.00004', 'Phường Ba Đình', 5],
        ['HN.D001.00004', 'HN.D001.00004', 7],
        [null, 'unresolved', 5],
      ]);
    }
    const one = await get<BreakdownResult>(
      `/api/dx/analytics/breakdown?frameworkVersionId=${v}&groupBy=year&commune=HN.D001.00004`,
    );
    expect(one.body.rows.map((r) => [r.key.year!.code, r.stats.suppressed ? null : r.stats.n])).toEqual([['2024', 7]]);
  });

  it('breaks ties in complementary suppression and among movers by code, not by the order rows arrive in', async () => {
    const v = await testFrameworkVersion(ctx.handle.db);
    u = { ...u, ...(await unitIds(ctx.handle.db, ['HN.00229'])) };
    // 2 enterprises in HN.00229 (old district 006 only) are withheld; HN.00004 and HN.00118 (6 each) tie as its
    // complement: the first code goes. (HN.00127 would not do: its old district, Long Biên, also holds HN.00118, and
    // that district's 8 minus HN.00118's 6 would give it back, so the cube withholds HN.00118 for it, whatever the tie.)
    await addScored(ctx.handle.db, facts(v, u['HN.00229']), 2);
    await addScored(ctx.handle.db, facts(v, u['HN.00118']), 6);
    await addScored(ctx.handle.db, facts(v, u['HN.00004']), 6);
    const { body } = await get<BreakdownResult>(
      `/api/dx/analytics/breakdown?frameworkVersionId=${v}&groupBy=commune&year=2024`,
    );
    expect(body.rows.map((r) => [r.key.commune!.code, r.stats.suppressed])).toEqual([
      ['HN.00004', true],
      ['HN.00118', false],
      ['HN.00229', true],
    ]);

    // both communes rise by the same amount: listed by code (a version of their own: only cells published in both
    // years are movers, and HN.00004 is withheld above)
    const w = await testFrameworkVersion(ctx.handle.db);
    for (const [year, totalScore] of [
      [2024, 50],
      [2025, 60],
    ])
      for (const c of ['HN.00118', 'HN.00004'])
        await addScored(ctx.handle.db, { ...facts(w, u[c], year), totalScore }, 6);
    const movers = await get<MoversResult>(
      `/api/dx/analytics/movers?frameworkVersionId=${w}&dimension=commune&fromYear=2024&toYear=2025`,
    );
    expect(movers.body.rising.map((m) => [m.key.code, m.change])).toEqual([
      ['HN.00004', 10],
      ['HN.00118', 10],
    ]);
  });
});
