import { sql, type SQL, type SQLWrapper, type Subquery } from 'drizzle-orm';
import { type DbOrTx, rowsOf } from '../../db/client.js';

/**
 * Rollup dimensions as SQL grouping columns. `district` is not here: the service expands communes. A commune
 * comes back as its org unit id (the service knows the codes), so no query joins `org_units`.
 */
export type SqlDimension = 'commune' | 'sector' | 'sizeClass' | 'year';
const dimSql: Record<SqlDimension, SQL> = {
  commune: sql`r.commune_id`,
  sector: sql`r.sector_code`,
  sizeClass: sql`r.size_class`,
  year: sql`r.year`,
};

export interface RollupFilter {
  frameworkVersionId: string;
  years?: number[];
  communeCodes?: string[];
  /** pre-2025 district codes: keeps the communes that took any of their old communes */
  districtCodes?: string[];
  sectors?: string[];
  sizeClasses?: string[];
}

function where(f: RollupFilter): SQL {
  const parts: SQL[] = [sql`r.framework_version_id = ${f.frameworkVersionId}`, sql`r.n <> 0`];
  if (f.years?.length)
    parts.push(
      sql`r.year in (${sql.join(
        f.years.map((y) => sql`${y}`),
        sql`, `,
      )})`,
    );
  if (f.communeCodes?.length) {
    parts.push(
      sql`r.commune_id in (select id from org_units where code in (${sql.join(
        f.communeCodes.map((v) => sql`${v}`),
        sql`, `,
      )}))`,
    );
  }
  if (f.sectors?.length)
    parts.push(
      sql`r.sector_code in (${sql.join(
        f.sectors.map((v) => sql`${v}`),
        sql`, `,
      )})`,
    );
  if (f.sizeClasses?.length)
    parts.push(
      sql`r.size_class in (${sql.join(
        f.sizeClasses.map((v) => sql`${v}`),
        sql`, `,
      )})`,
    );
  if (f.districtCodes?.length) {
    parts.push(sql`r.commune_id in (
      select s.successor_id from org_unit_successors s
      join org_units oc on oc.id = s.predecessor_id join org_units d on d.id = oc.parent_id
      where d.code in (${sql.join(
        f.districtCodes.map((v) => sql`${v}`),
        sql`, `,
      )}))`);
  }
  return sql.join(parts, sql` and `);
}

/**
 * The smallest rollup grain that can answer: city-wide when neither the grouping nor the filter involves a
 * commune or district, per commune when they involve neither sector nor size class, else the finest.
 */
export function rollupTable(
  dims: SqlDimension[],
  f: RollupFilter,
): 'dx_rollups' | 'dx_rollups_city' | 'dx_rollups_commune' {
  const byPlace = dims.includes('commune') || !!f.communeCodes?.length || !!f.districtCodes?.length;
  const byFirm =
    dims.includes('sector') || dims.includes('sizeClass') || !!f.sectors?.length || !!f.sizeClasses?.length;
  if (!byPlace) return 'dx_rollups_city';
  return byFirm ? 'dx_rollups' : 'dx_rollups_commune';
}

/** The key columns of each grain besides the version and the level. */
const grainKeys: Record<ReturnType<typeof rollupTable>, SqlDimension[]> = {
  dx_rollups: ['year', 'commune', 'sector', 'sizeClass'],
  dx_rollups_city: ['year', 'sector', 'sizeClass'],
  dx_rollups_commune: ['year', 'commune'],
};
const filterOf: Record<SqlDimension, (f: RollupFilter) => unknown[] | undefined> = {
  year: (f) => f.years,
  commune: (f) => f.communeCodes,
  sector: (f) => f.sectors,
  sizeClass: (f) => f.sizeClasses,
};

/** Whether each group is one row of the grain: every key column is grouped by, or held to one value by the filter. */
export function atGrain(table: ReturnType<typeof rollupTable>, dims: SqlDimension[], f: RollupFilter): boolean {
  return grainKeys[table].every((k) => dims.includes(k) || new Set(filterOf[k](f)).size === 1);
}

const keyCols = (dims: SqlDimension[]) => dims.map((d, i) => sql`${dimSql[d]} as ${sql.raw(`k${i}`)}`);
// group keys are text or integer columns (dimSql)
const keyOf = (v: unknown): string | null =>
  v === null || v === undefined ? null : typeof v === 'string' ? v : (v as number).toString();
/** `{1.50,NULL,2}` → [1.5, 0, 2]: a numeric array sent as text is cheaper for the server than a cast to float8[]. */
function numbersOf(text: string, count: number): number[] {
  const parts = text.length > 2 ? text.slice(1, -1).split(',') : [];
  const out = new Array<number>(count);
  for (let i = 0; i < count; i++) out[i] = i < parts.length && parts[i] !== 'NULL' ? Number(parts[i]) : 0;
  return out;
}

const groupCols = (dims: SqlDimension[]) => dims.map((d) => dimSql[d]);

export interface LevelAggregate {
  keys: (string | null)[];
  level: number;
  n: number;
  sumTotal: number;
  pillars: number[];
}

/** A subquery of (enterpriseId, supportProgramId) pairs: the support programs' enrolments, from their module. */
export type EnrolmentsSubquery = Subquery & { enterpriseId: SQLWrapper; supportProgramId: SQLWrapper };

export function createDxAnalyticsRepo() {
  return {
    /** The enrolment pairs of the support programs' subquery (its owner decides what it reads). */
    async enrolmentPairs(db: DbOrTx, e: EnrolmentsSubquery) {
      const rows = await db
        .selectDistinct({
          enterpriseId: sql<string>`${e.enterpriseId}`,
          supportProgramId: sql<string>`${e.supportProgramId}`,
        })
        .from(e);
      return rows.map((r) => ({ enterpriseId: String(r.enterpriseId), supportProgramId: String(r.supportProgramId) }));
    },
    /**
     * n, Σ total and Σ of each pillar per group and overall level, in one pass over the smallest rollup grain
     * (never the assessments). Pillars are summed by position (`sum_pillars[i]`), so no row is unnested.
     */
    async levelAggregates(
      db: DbOrTx,
      dims: SqlDimension[],
      f: RollupFilter,
      pillarCount: number,
    ): Promise<LevelAggregate[]> {
      const table = rollupTable(dims, f);
      if (atGrain(table, dims, f)) {
        // each group is one row (a map of one year, movers between two): no aggregate, whose numeric sums cost the
        // server more than shipping the rows. Number() of the numeric text is the same double as `::float8`.
        const res = await db.execute(sql`
          select ${sql.join([...keyCols(dims), sql`r.overall_level as level`, sql`r.n`, sql`r.sum_total::text as t`, ...(pillarCount ? [sql`r.sum_pillars::text as p`] : [])], sql`, `)}
          from ${sql.raw(table)} r where ${where(f)}`);
        return rowsOf<Record<string, unknown>>(res).map((r) => ({
          keys: dims.map((_, i) => keyOf(r[`k${i}`])),
          level: Number(r.level),
          n: Number(r.n),
          sumTotal: Number(r.t),
          pillars: pillarCount ? numbersOf(String(r.p), pillarCount) : [],
        }));
      }
      const pillarCols = Array.from(
        { length: pillarCount },
        (_, i) => sql`sum(r.sum_pillars[${sql.raw(String(i + 1))}])::float8 as ${sql.raw(`p${i}`)}`,
      );
      const res = await db.execute(sql`
        select ${sql.join([...keyCols(dims), sql`r.overall_level as level`, sql`sum(r.n)::int as n`, sql`sum(r.sum_total)::float8 as sum_total`, ...pillarCols], sql`, `)}
        from ${sql.raw(table)} r
        where ${where(f)}
        group by ${sql.join([...groupCols(dims), sql`r.overall_level`], sql`, `)}`);
      return rowsOf<Record<string, unknown>>(res).map((r) => ({
        keys: dims.map((_, i) => keyOf(r[`k${i}`])),
        level: Number(r.level),
        n: Number(r.n),
        sumTotal: Number(r.sum_total),
        pillars: Array.from({ length: pillarCount }, (_, i) => Number(r[`p${i}`] ?? 0)),
      }));
    },

    /** Codes of org units by id (a rollup may name a commune outside the current geography). */
    async unitCodes(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
      if (!ids.length) return new Map();
      const res = await db.execute(
        sql`select id, code from org_units where id in (${sql.join(
          ids.map((v) => sql`${v}`),
          sql`, `,
        )})`,
      );
      return new Map(rowsOf<{ id: string; code: string }>(res).map((r) => [r.id, r.code]));
    },

    /**
     * Per year, a value that changes whenever the rollup of that version and year does: every change to an assessment
     * that counts moves the city or the commune grain (a row rewritten gets the writing transaction's id, `xmin`).
     * Two small grains are read instead of the finest.
     */
    async fingerprints(db: DbOrTx, frameworkVersionId: string): Promise<Map<number, string>> {
      const res = await db.execute(sql`
        select year, sum(x)::text || ':' || count(*) as fp from (
          select year, xmin::text::bigint as x from dx_rollups_city where framework_version_id = ${frameworkVersionId}
          union all
          select year, xmin::text::bigint from dx_rollups_commune where framework_version_id = ${frameworkVersionId}) g
        group by year`);
      return new Map(rowsOf<{ year: number; fp: string }>(res).map((r) => [Number(r.year), String(r.fp)]));
    },

    async years(db: DbOrTx, frameworkVersionId: string | null): Promise<number[]> {
      if (!frameworkVersionId) return [];
      const res = await db.execute(
        sql`select distinct year from dx_rollups_city where framework_version_id = ${frameworkVersionId} and n > 0 order by year`,
      );
      return rowsOf<{ year: number }>(res).map((r) => Number(r.year));
    },

    /** Communes from 2025-07-01 (code `HN.xxxxx`) and pre-2025 districts, with the crosswalk between them. */
    async geography(db: DbOrTx) {
      const units = rowsOf<{ id: string; code: string; name: string; kind: string; valid_from: string | null }>(
        await db.execute(sql`
        select id, code, name, kind, valid_from::text from org_units
        where (kind = 'commune' and valid_from is not null) or kind = 'district' order by code`),
      );
      const links = rowsOf<{ commune_code: string; district_code: string }>(
        await db.execute(sql`
        select distinct c.code as commune_code, d.code as district_code
        from org_unit_successors s join org_units c on c.id = s.successor_id
        join org_units oc on oc.id = s.predecessor_id join org_units d on d.id = oc.parent_id
        where d.kind = 'district'`),
      );
      return {
        communes: units.filter((u) => u.kind === 'commune').map((u) => ({ id: u.id, code: u.code, name: u.name })),
        districts: units.filter((u) => u.kind === 'district').map((u) => ({ id: u.id, code: u.code, name: u.name })),
        links: links.map((l) => ({ communeCode: l.commune_code, districtCode: l.district_code })),
      };
    },
  };
}
export type DxAnalyticsRepo = ReturnType<typeof createDxAnalyticsRepo>;
