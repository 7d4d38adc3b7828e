import { and, asc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { foldText } from '../../../shared/text.js';
import type { DbOrTx } from '../../db/client.js';
import {
  indicators,
  indicatorTargets,
  indicatorUnits,
  monitoringPlans,
  orgUnits,
  programMonitoringSettings,
} from '../../db/schema/index.js';
import { searchCondition } from '../../db/search.js';

export type IndicatorRow = typeof indicators.$inferSelect;
export type NewIndicator = Omit<typeof indicators.$inferInsert, 'searchText'>;
export interface IndicatorFilter {
  programId?: string;
  planId?: string;
  orgUnitId?: string;
  q?: string;
  limit: number;
  offset: number;
}

/** An indicator's responsible unit and its target of a year, as the indicator's page and list show them. */
export interface IndicatorUnitRef {
  id: string;
  name: string;
}
export interface IndicatorTargetRef {
  year: number;
  orgUnitId: string | null;
  value: number;
}

export function createIndicatorsRepo() {
  const filterCond = (f: Omit<IndicatorFilter, 'limit' | 'offset'>): SQL | undefined =>
    and(
      f.programId ? eq(indicators.programId, f.programId) : undefined,
      f.planId ? eq(indicators.planId, f.planId) : undefined,
      f.orgUnitId
        ? sql`exists (select 1 from ${indicatorUnits} where ${indicatorUnits.indicatorId} = ${indicators.id} and ${indicatorUnits.orgUnitId} = ${f.orgUnitId})`
        : undefined,
      searchCondition(indicators.searchText, f.q),
    );
  return {
    /**
     * The monitoring plans' codes as a subquery (built, not run) for other modules to join in their own statement:
     * a task or a round shows its plan's code without a query more (docs/architecture.md, "Reading across modules").
     */
    planCodes: (db: DbOrTx) =>
      db.select({ id: monitoringPlans.id, code: monitoringPlans.code }).from(monitoringPlans).as('plan_codes'),
    /** The indicators' codes and names, as a subquery like `planCodes`. */
    names: (db: DbOrTx) =>
      db
        .select({ id: indicators.id, code: indicators.code, nameVi: indicators.nameVi })
        .from(indicators)
        .as('indicator_v'),
    /** Indicators and monitoring plans by id, as the audit log names them. */
    indicatorSubjectRows: (db: DbOrTx, ids: string[]) =>
      db
        .select({ id: indicators.id, code: indicators.code, nameVi: indicators.nameVi, nameEn: indicators.nameEn })
        .from(indicators)
        .where(inArray(indicators.id, ids)),
    planSubjectRows: (db: DbOrTx, ids: string[]) =>
      db
        .select({ id: monitoringPlans.id, code: monitoringPlans.code, title: monitoringPlans.title })
        .from(monitoringPlans)
        .where(inArray(monitoringPlans.id, ids)),
    /**
     * A page of indicators with their total, responsible units and targets, in one statement: the total is a window
     * count (taken before LIMIT), units and targets `jsonb_agg` subqueries in the order `units` and `targets` give.
     * A page past the end has no row to carry the total: it counts apart.
     */
    async list(db: DbOrTx, f: IndicatorFilter) {
      const cond = filterCond(f);
      const rows = await db
        .select({
          row: indicators,
          planCode: monitoringPlans.code,
          units: sql<
            IndicatorUnitRef[]
          >`(select coalesce(jsonb_agg(jsonb_build_object('id', ${orgUnits.id}, 'name', ${orgUnits.name}) order by ${orgUnits.name}), '[]'::jsonb) from ${indicatorUnits} inner join ${orgUnits} on ${orgUnits.id} = ${indicatorUnits.orgUnitId} where ${indicatorUnits.indicatorId} = ${indicators.id})`,
          targets: sql<
            IndicatorTargetRef[]
          >`(select coalesce(jsonb_agg(jsonb_build_object('year', ${indicatorTargets.year}, 'orgUnitId', ${indicatorTargets.orgUnitId}, 'value', ${indicatorTargets.value}) order by ${indicatorTargets.year}, ${indicatorTargets.id}), '[]'::jsonb) from ${indicatorTargets} where ${indicatorTargets.indicatorId} = ${indicators.id})`,
          total: sql<number>`(count(*) over ())::int`,
        })
        .from(indicators)
        .leftJoin(monitoringPlans, eq(monitoringPlans.id, indicators.planId))
        .where(cond)
        .orderBy(asc(indicators.code))
        .limit(f.limit)
        .offset(f.offset);
      if (rows.length === 0 && f.offset > 0) {
        const [{ total }] = await db
          .select({ total: sql<number>`count(*)::int` })
          .from(indicators)
          .where(cond);
        return { rows: [], total };
      }
      return { rows, total: rows.length ? rows[0].total : 0 };
    },
    async get(db: DbOrTx, id: string) {
      const [hit] = await db
        .select({ row: indicators, planCode: monitoringPlans.code })
        .from(indicators)
        .leftJoin(monitoringPlans, eq(monitoringPlans.id, indicators.planId))
        .where(eq(indicators.id, id));
      return hit;
    },
    byCodes: (db: DbOrTx, programId: string, codes: string[]) =>
      codes.length
        ? db
            .select()
            .from(indicators)
            .where(and(eq(indicators.programId, programId), inArray(indicators.code, codes)))
        : Promise.resolve([]),
    ofProgram: (db: DbOrTx, programId: string) =>
      db.select().from(indicators).where(eq(indicators.programId, programId)).orderBy(asc(indicators.code)),
    units: (db: DbOrTx, ids: string[]) =>
      ids.length
        ? db
            .select({ indicatorId: indicatorUnits.indicatorId, id: orgUnits.id, name: orgUnits.name })
            .from(indicatorUnits)
            .innerJoin(orgUnits, eq(orgUnits.id, indicatorUnits.orgUnitId))
            .where(inArray(indicatorUnits.indicatorId, ids))
            .orderBy(asc(orgUnits.name))
        : Promise.resolve([]),
    targets: (db: DbOrTx, ids: string[]) =>
      ids.length
        ? db
            .select()
            .from(indicatorTargets)
            .where(inArray(indicatorTargets.indicatorId, ids))
            // a year's targets (the city's, each unit's) in a fixed order, the same as the list's
            .orderBy(asc(indicatorTargets.year), asc(indicatorTargets.id))
        : Promise.resolve([]),
    async insert(db: DbOrTx, v: NewIndicator) {
      const [row] = await db
        .insert(indicators)
        .values({ ...v, searchText: foldText(v.code, v.nameVi, v.nameEn) })
        .returning();
      return row;
    },
    /** Changes the indicator if still at `version` (+1 in the same statement); undefined when it changed meanwhile. */
    async update(db: DbOrTx, id: string, patch: Partial<NewIndicator>, current: IndicatorRow, version: number) {
      const next = { ...current, ...patch };
      const [row] = await db
        .update(indicators)
        .set({
          ...patch,
          searchText: foldText(next.code, next.nameVi, next.nameEn),
          version: sql`${indicators.version} + 1`,
          updatedAt: new Date(),
        })
        .where(and(eq(indicators.id, id), eq(indicators.version, version)))
        .returning();
      return row;
    },
    async setUnits(db: DbOrTx, id: string, orgUnitIds: string[]) {
      await db.delete(indicatorUnits).where(eq(indicatorUnits.indicatorId, id));
      if (orgUnitIds.length)
        await db
          .insert(indicatorUnits)
          .values([...new Set(orgUnitIds)].map((orgUnitId) => ({ indicatorId: id, orgUnitId })));
    },
    async setTargets(
      db: DbOrTx,
      id: string,
      targets: { year: number; orgUnitId: string | null; value: number; isDemo?: boolean }[],
    ) {
      await db.delete(indicatorTargets).where(eq(indicatorTargets.indicatorId, id));
      if (targets.length) await db.insert(indicatorTargets).values(targets.map((t) => ({ ...t, indicatorId: id })));
    },
    async thresholds(db: DbOrTx, programId: string) {
      const [row] = await db
        .select()
        .from(programMonitoringSettings)
        .where(eq(programMonitoringSettings.programId, programId));
      return row ? { green: row.greenPct, amber: row.amberPct } : null;
    },
    /** The program's own row with its version; none: the defaults, version 1. */
    async thresholdSettings(db: DbOrTx, programId: string) {
      const [row] = await db
        .select()
        .from(programMonitoringSettings)
        .where(eq(programMonitoringSettings.programId, programId));
      return row;
    },
    /**
     * Sets the thresholds if they are still at `version`, +1 in the same statement (no row is version 1: the first
     * write inserts 2; a concurrent first write meets the row and its version); false when they changed meanwhile.
     */
    async setThresholds(db: DbOrTx, programId: string, greenPct: number, amberPct: number, version: number) {
      const set = {
        greenPct,
        amberPct,
        version: sql`${programMonitoringSettings.version} + 1`,
        updatedAt: new Date(),
      };
      const matches = eq(programMonitoringSettings.version, version);
      const rows =
        version === 1
          ? await db
              .insert(programMonitoringSettings)
              .values({ programId, greenPct, amberPct, version: 2 })
              .onConflictDoUpdate({ target: programMonitoringSettings.programId, set, setWhere: matches })
              .returning({ version: programMonitoringSettings.version })
          : await db
              .update(programMonitoringSettings)
              .set(set)
              .where(and(eq(programMonitoringSettings.programId, programId), matches))
              .returning({ version: programMonitoringSettings.version });
      return rows[0]?.version;
    },
    async orgUnitIdsExist(db: DbOrTx, ids: string[]) {
      if (!ids.length) return new Set<string>();
      const rows = await db
        .select({ id: orgUnits.id })
        .from(orgUnits)
        .where(inArray(orgUnits.id, [...new Set(ids)]));
      return new Set(rows.map((r) => r.id));
    },
    async plan(db: DbOrTx, id: string) {
      const [row] = await db.select().from(monitoringPlans).where(eq(monitoringPlans.id, id));
      return row;
    },
    plans: (db: DbOrTx, programId?: string) =>
      db
        .select()
        .from(monitoringPlans)
        .where(programId ? eq(monitoringPlans.programId, programId) : undefined)
        .orderBy(asc(monitoringPlans.code)),
    async insertPlan(db: DbOrTx, v: Omit<typeof monitoringPlans.$inferInsert, 'searchText'>) {
      const [row] = await db
        .insert(monitoringPlans)
        .values({ ...v, searchText: foldText(v.code, v.title) })
        .returning();
      return row;
    },
    /** Responsible-unit indicators of a program (or one plan) for a unit's report. */
    forUnit: (db: DbOrTx, programId: string, planId: string | null, orgUnitId: string) =>
      db
        .select()
        .from(indicators)
        .innerJoin(indicatorUnits, eq(indicatorUnits.indicatorId, indicators.id))
        .where(
          and(
            eq(indicators.programId, programId),
            planId ? or(eq(indicators.planId, planId), isNull(indicators.planId)) : undefined,
            eq(indicatorUnits.orgUnitId, orgUnitId),
            isNull(indicators.formula),
          ),
        )
        .orderBy(asc(indicators.code))
        .then((rows) => rows.map((r) => r.indicators)),
    responsibleUnitIds: (db: DbOrTx, programId: string, planId: string | null) =>
      db
        .selectDistinct({ orgUnitId: indicatorUnits.orgUnitId })
        .from(indicatorUnits)
        .innerJoin(indicators, eq(indicators.id, indicatorUnits.indicatorId))
        .where(
          and(
            eq(indicators.programId, programId),
            planId ? eq(indicators.planId, planId) : undefined,
            isNull(indicators.formula),
          ),
        )
        .then((rows) => rows.map((r) => r.orgUnitId)),
  };
}
export type IndicatorsRepo = ReturnType<typeof createIndicatorsRepo>;
