import { inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { enterprises, orgUnits, orgUnitSuccessors } from '../../../db/schema/index.js';

export type EnterpriseRow = typeof enterprises.$inferInsert;

const rowsOf = <T>(res: unknown): T[] => ((res as { rows?: T[] }).rows ?? (res as T[]));

/** Bulk statements of the import: one multi-row statement per batch, never one per row. */
export interface AssessmentWrite {
  enterpriseId: string; frameworkVersionId: string; year: number; answers: Record<string, unknown>; snapshot: unknown;
  totalScore: number; overallLevel: number; pillarScores: number[]; communeId: string | null; sectorCode: string; sizeClass: string;
}

export function createBulkRepo() {
  const repo = {
    /** Every commune (pre-2025 and from 2025-07-01) with its successors, to resolve codes in memory. */
    async communes(db: DbOrTx) {
      const units = await db.select({ id: orgUnits.id, code: orgUnits.code, validFrom: orgUnits.validFrom, validTo: orgUnits.validTo })
        .from(orgUnits).where(sql`${orgUnits.kind} = 'commune'`);
      const links = await db.select({ from: orgUnitSuccessors.predecessorId, to: orgUnitSuccessors.successorId, share: orgUnitSuccessors.share }).from(orgUnitSuccessors);
      return { units, links };
    },

    /** VSIC 2018 division → section, to check an industry code against its section. */
    async divisions(db: DbOrTx) {
      const res = await db.execute(sql`select code, section_code from vsic_codes where version = 'VSIC2018' and level = 2`);
      return new Map(rowsOf<{ code: string; section_code: string }>(res).map((r) => [r.code, r.section_code]));
    },

    /** Insert or update by tax code (the registry's key), so a rerun or a duplicate row changes nothing twice. */
    async upsertEnterprises(tx: DbOrTx, rows: EnterpriseRow[]) {
      if (!rows.length) return;
      // one jsonb parameter per batch (see upsertChunk)
      const payload = JSON.stringify(rows.map((r) => ({
        tc: r.taxCode, nm: r.name, ad: r.address ?? null, ci: r.communeId ?? null, cc: r.currentCommuneId ?? null, cr: r.communeResolution,
        vv: r.vsicVersion, sc: r.sectorCode, ic: r.industryCode ?? null, em: r.employees, rv: r.revenueVnd, cp: r.capitalVnd,
        sz: r.sizeClass, dm: r.isDemo ?? 0, st: r.searchText,
      })));
      await tx.execute(sql`
        insert into enterprises (tax_code, name, address, commune_id, current_commune_id, commune_resolution, vsic_version, sector_code,
          industry_code, employees, revenue_vnd, capital_vnd, size_class, is_demo, search_text)
        select x.tc, x.nm, x.ad, x.ci, x.cc, x.cr, x.vv, x.sc, x.ic, x.em, x.rv, x.cp, x.sz, x.dm, x.st
        from jsonb_to_recordset(${payload}::jsonb) as x(tc text, nm text, ad text, ci uuid, cc uuid, cr text, vv text, sc text, ic text,
          em int, rv bigint, cp bigint, sz text, dm smallint, st text)
        on conflict (tax_code) do update set
          name = excluded.name, address = excluded.address, commune_id = excluded.commune_id, current_commune_id = excluded.current_commune_id,
          commune_resolution = excluded.commune_resolution, vsic_version = excluded.vsic_version, sector_code = excluded.sector_code,
          industry_code = excluded.industry_code, employees = excluded.employees, revenue_vnd = excluded.revenue_vnd,
          capital_vnd = excluded.capital_vnd, size_class = excluded.size_class, is_demo = excluded.is_demo,
          search_text = excluded.search_text, updated_at = now()`);
    },

    async enterprisesByTaxCode(tx: DbOrTx, taxCodes: string[]) {
      if (!taxCodes.length) return [];
      return tx.select({
        id: enterprises.id, taxCode: enterprises.taxCode, currentCommuneId: enterprises.currentCommuneId,
        sectorCode: enterprises.sectorCode, sizeClass: enterprises.sizeClass,
      }).from(enterprises).where(inArray(enterprises.taxCode, taxCodes));
    },

    /** Published framework versions by `code@version`, with their definitions. */
    async frameworkVersions(tx: DbOrTx) {
      const res = await tx.execute(sql`select v.id, f.code, v.version, v.definition from dx_framework_versions v
        join dx_frameworks f on f.id = v.framework_id where v.status = 'published'`);
      return rowsOf<{ id: string; code: string; version: number; definition: unknown }>(res);
    },

    /** The assessments a batch will overwrite, locked, with the facts they now contribute to the rollup. */
    async lockAssessments(tx: DbOrTx, keys: { enterpriseId: string; frameworkVersionId: string; year: number }[]) {
      if (!keys.length) return [];
      // arrays, not a list of row constructors: a long IN (…) list nests deeply enough to exhaust PGlite's stack
      const arr = (xs: (string | number)[]) => `{${xs.join(',')}}`;
      const res = await tx.execute(sql`
        select enterprise_id, framework_version_id, year, status, source, total_score::float8 as total_score, overall_level,
               pillar_scores::float8[] as pillar_scores, commune_id, sector_code, size_class
        from dx_assessments where (enterprise_id, framework_version_id, year) in (
          select * from unnest(${arr(keys.map((k) => k.enterpriseId))}::uuid[], ${arr(keys.map((k) => k.frameworkVersionId))}::uuid[], ${arr(keys.map((k) => k.year))}::smallint[]))
        for update`);
      return rowsOf<{
        enterprise_id: string; framework_version_id: string; year: number; status: string; source: string; total_score: number | null;
        overall_level: number | null; pillar_scores: number[] | null; commune_id: string | null; sector_code: string | null; size_class: string | null;
      }>(res);
    },

    /**
     * Insert or update by (enterprise, framework version, year). A verified assessment imported again with
     * the same answers stays verified; any other import leaves it submitted.
     */
    async upsertAssessments(tx: DbOrTx, rows: AssessmentWrite[]) {
      // statements of 250 rows: answers and snapshots make rows large, and PGlite's wire buffer is finite
      for (let i = 0; i < rows.length; i += 250) await upsertChunk(tx, rows.slice(i, i + 250));
    },
  };

  /** The whole chunk travels as one jsonb parameter, unpacked by jsonb_to_recordset: one bind, not thousands. */
  async function upsertChunk(tx: DbOrTx, rows: AssessmentWrite[]) {
    const payload = JSON.stringify(rows.map((r) => ({
      e: r.enterpriseId, v: r.frameworkVersionId, y: r.year, a: r.answers, s: r.snapshot, t: r.totalScore, l: r.overallLevel,
      p: r.pillarScores, c: r.communeId, sc: r.sectorCode, sz: r.sizeClass,
    })));
    await tx.execute(sql`
      insert into dx_assessments (enterprise_id, framework_version_id, year, status, answers, source, snapshot, total_score, overall_level,
        pillar_scores, commune_id, sector_code, size_class, submitted_at)
      select x.e, x.v, x.y, 'submitted', x.a, 'import', x.s, x.t, x.l, array(select e.v::numeric from jsonb_array_elements_text(x.p) with ordinality as e(v, i) order by e.i), x.c, x.sc, x.sz, now()
      from jsonb_to_recordset(${payload}::jsonb) as x(e uuid, v uuid, y smallint, a jsonb, s jsonb, t numeric, l smallint, p jsonb, c uuid, sc text, sz text)
      on conflict on constraint dx_assessments_uq do update set
        status = case when dx_assessments.status = 'verified' and dx_assessments.answers = excluded.answers then 'verified' else 'submitted' end,
        answers = excluded.answers, source = 'import', snapshot = excluded.snapshot, total_score = excluded.total_score,
        overall_level = excluded.overall_level, pillar_scores = excluded.pillar_scores, commune_id = excluded.commune_id,
        sector_code = excluded.sector_code, size_class = excluded.size_class,
        submitted_at = coalesce(dx_assessments.submitted_at, excluded.submitted_at), updated_at = now()`);
  }
  return { ...repo, rowsOf };
}
export type BulkRepo = ReturnType<typeof createBulkRepo>;
