import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { dxFrameworks, dxFrameworkVersions, orgUnits } from '../../db/schema/index.js';
import { unique } from '../../test/test-app.js';
import { frameworkDefinition, type FrameworkDefinition } from '../../../shared/dx/framework-format.js';
import { applyRollupChange, type ScoredFacts } from './rollup.repo.js';

/**
 * A small framework in the real format: two pillars of 10 points, every scored question type, a required
 * question, skip logic, DBI-style gates. Levels: 1 if total > 4 and both pillars ≥ 1; 2 if > 12 and both ≥ 2.
 */
export function testDefinition(code: string): FrameworkDefinition {
  return frameworkDefinition.parse({
    formatVersion: 1,
    code,
    version: 1,
    name: { vi: `Khung ${code}`, en: `Framework ${code}` },
    levelNames: [0, 1, 2].map((level) => ({ level, name: { vi: `Mức ${level}`, en: `Level ${level}` } })),
    levelSchemes: [
      {
        code: 'share',
        bands: [
          { level: 0, abovePercent: 0 },
          { level: 1, abovePercent: 20 },
          { level: 2, abovePercent: 60 },
        ],
      },
    ],
    pillarLevelScheme: 'share',
    overall: {
      type: 'gatedLevels',
      baseLevel: 0,
      gates: [
        { level: 1, totalAbove: 4, minPillars: 2, pillarLevelAtLeast: 1 },
        { level: 2, totalAbove: 12, minPillars: 2, pillarLevelAtLeast: 2 },
      ],
    },
    pillars: [
      {
        code: 'P1',
        name: { vi: 'Trụ cột 1', en: 'Pillar 1' },
        maxPoints: 10,
        questions: [
          {
            code: 'Q1',
            type: 'single',
            required: true,
            text: { vi: 'Chiến lược?', en: 'Strategy?' },
            options: [
              { code: 'none', score: 0, label: { vi: 'Chưa', en: 'None' } },
              { code: 'some', score: 3, label: { vi: 'Có', en: 'Some' } },
              { code: 'full', score: 5, label: { vi: 'Đầy đủ', en: 'Full' } },
            ],
          },
          {
            code: 'Q2',
            type: 'multi',
            text: { vi: 'Công cụ', en: 'Tools' },
            options: [
              { code: 'erp', score: 2, label: { vi: 'ERP', en: 'ERP' } },
              { code: 'crm', score: 2, label: { vi: 'CRM', en: 'CRM' } },
              { code: 'web', score: 1, label: { vi: 'Web', en: 'Web' } },
            ],
          },
        ],
      },
      {
        code: 'P2',
        name: { vi: 'Trụ cột 2', en: 'Pillar 2' },
        maxPoints: 10,
        questions: [
          { code: 'Q3', type: 'yesno', yesScore: 4, text: { vi: 'Có dữ liệu số?', en: 'Digital data?' } },
          {
            code: 'Q4',
            type: 'ratio',
            text: { vi: 'Tỷ lệ', en: 'Share' },
            showIf: { question: 'Q3', anyOf: [true] },
            bands: [
              { from: 0, score: 0 },
              { from: 50, score: 3 },
              { from: 90, score: 6 },
            ],
          },
          { code: 'Q5', type: 'text', text: { vi: 'Ghi chú', en: 'Notes' } },
        ],
      },
    ],
  });
}

/** A published framework version of its own, so each test's rollup rows are its own. */
export async function testFrameworkVersion(db: Db, _pillars = 2) {
  const code = unique('FW').toUpperCase();
  const [fw] = await db
    .insert(dxFrameworks)
    .values({ code, nameVi: `Khung ${code}`, nameEn: `Framework ${code}` })
    .returning();
  const definition = testDefinition(code);
  const [v] = await db
    .insert(dxFrameworkVersions)
    .values({
      frameworkId: fw.id,
      version: 1,
      status: 'published',
      definition,
      definitionSha256: code,
      publishedAt: new Date(),
    })
    .returning();
  return v.id;
}

export async function testFramework(db: Db) {
  const id = await testFrameworkVersion(db);
  const [v] = await db.select().from(dxFrameworkVersions).where(eq(dxFrameworkVersions.id, id));
  return { id, definition: v.definition as FrameworkDefinition, code: (v.definition as FrameworkDefinition).code };
}

export async function unitIds(db: Db, codes: string[]): Promise<Record<string, string>> {
  const rows = await db
    .select({ id: orgUnits.id, code: orgUnits.code })
    .from(orgUnits)
    .where(inArray(orgUnits.code, codes));
  return Object.fromEntries(rows.map((r) => [r.code, r.id]));
}

export async function unitId(db: Db, code: string) {
  const [row] = await db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.code, code));
  return row.id;
}

/** Adds `count` scored assessments with the same facts to the rollup. */
export async function addScored(db: Db, facts: ScoredFacts, count = 1) {
  await db.transaction(async (tx) => {
    for (let i = 0; i < count; i++) await applyRollupChange(tx, null, facts);
  });
}

/**
 * The rollup as it should be, recomputed by scanning the scored assessments of a version, and its coarser grains as
 * sums of the finest; returns the cells that differ.
 */
export async function rollupMismatches(db: Db, frameworkVersionId: string): Promise<unknown[]> {
  const key = sql`year, coalesce(commune_id::text, '-') as commune, sector_code, size_class, overall_level`;
  const res = await db.execute(sql`
    with truth as (
      select ${key}, count(*)::int as n, sum(total_score)::numeric as sum_total
      from dx_assessments where framework_version_id = ${frameworkVersionId} and status in ('submitted', 'verified') group by 1, 2, 3, 4, 5),
    roll as (select ${key}, n, sum_total from dx_rollups where framework_version_id = ${frameworkVersionId} and n <> 0)
    select * from truth t full join roll r using (year, commune, sector_code, size_class, overall_level)
    where t.n is distinct from r.n or t.sum_total is distinct from r.sum_total`);
  const pillars = await db.execute(sql`
    with truth as (select ${key}, u.ord, sum(u.p) as s
      from dx_assessments cross join lateral unnest(pillar_scores) with ordinality u(p, ord)
      where framework_version_id = ${frameworkVersionId} and status in ('submitted', 'verified') group by 1, 2, 3, 4, 5, 6),
    roll as (select ${key}, u.ord, u.p as s
      from dx_rollups cross join lateral unnest(sum_pillars) with ordinality u(p, ord)
      where framework_version_id = ${frameworkVersionId} and n <> 0)
    select * from truth t full join roll r using (year, commune, sector_code, size_class, overall_level, ord)
    where t.s is distinct from r.s`);
  // the coarser grains must equal the finest summed over the dimensions they drop
  const grains = await db.execute(sql`
    with fine as (select r.*, u.ord, u.p from dx_rollups r cross join lateral unnest(r.sum_pillars) with ordinality u(p, ord)
                  where framework_version_id = ${frameworkVersionId}),
    city_truth as (select year, sector_code, size_class, overall_level, ord, sum(n)::int as n, sum(sum_total) as t, sum(p) as p
                   from fine group by 1, 2, 3, 4, 5 having sum(n) <> 0),
    city as (select year, sector_code, size_class, overall_level, u.ord, n, sum_total as t, u.p
             from dx_rollups_city cross join lateral unnest(sum_pillars) with ordinality u(p, ord)
             where framework_version_id = ${frameworkVersionId} and n <> 0),
    commune_truth as (select year, coalesce(commune_id::text, '-') as commune, overall_level, ord, sum(n)::int as n, sum(sum_total) as t, sum(p) as p
                      from fine group by 1, 2, 3, 4 having sum(n) <> 0),
    commune as (select year, coalesce(commune_id::text, '-') as commune, overall_level, u.ord, n, sum_total as t, u.p
                from dx_rollups_commune cross join lateral unnest(sum_pillars) with ordinality u(p, ord)
                where framework_version_id = ${frameworkVersionId} and n <> 0)
    select 'city' as grain, a.* from city_truth a full join city b using (year, sector_code, size_class, overall_level, ord)
      where a.n is distinct from b.n or a.t is distinct from b.t or a.p is distinct from b.p
    union all
    select 'commune', a.year, a.commune, null, a.overall_level, a.ord, a.n, a.t, a.p from commune_truth a full join commune b using (year, commune, overall_level, ord)
      where a.n is distinct from b.n or a.t is distinct from b.t or a.p is distinct from b.p`);
  const rows = (x: unknown) => (x as { rows?: unknown[] }).rows ?? (x as unknown[]);
  return [...rows(res), ...rows(pillars), ...rows(grains)];
}
