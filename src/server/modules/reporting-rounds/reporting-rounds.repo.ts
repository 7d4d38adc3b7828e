import { and, asc, desc, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import type { ReportStatus, RoundStatus } from '../../../shared/monitoring-domain.js';
import type { DbOrTx } from '../../db/client.js';
import {
  orgUnits,
  reportEvents,
  reportingRounds,
  reportTaskProgress,
  reportValues,
  unitReports,
  users,
} from '../../db/schema/index.js';
import type { IndicatorsService } from '../indicators/indicators.service.js';

type ReportEventView = Awaited<ReturnType<ReturnType<typeof createReportingRoundsRepo>['events']>>[number];
export type RoundRow = typeof reportingRounds.$inferSelect;
export type ReportRow = typeof unitReports.$inferSelect;

interface ReportsFilter {
  roundIds?: string[];
  orgUnitId?: string | null;
  programId?: string;
  year?: number;
  openOnly?: boolean;
}
const reportsWhere = (f: ReportsFilter) =>
  and(
    f.roundIds ? (f.roundIds.length ? inArray(unitReports.roundId, f.roundIds) : sql`false`) : undefined,
    f.orgUnitId ? eq(unitReports.orgUnitId, f.orgUnitId) : undefined,
    f.programId ? eq(reportingRounds.programId, f.programId) : undefined,
    f.year ? eq(reportingRounds.year, f.year) : undefined,
    f.openOnly ? and(eq(reportingRounds.status, 'open'), isNull(unitReports.firstSubmittedAt)) : undefined,
  );

/** What the rounds join from other modules, as subqueries their services build (wired in services.ts). */
export interface ReportingRoundsReads {
  planCodes: IndicatorsService['planCodes'];
}

export function createReportingRoundsRepo(reads: ReportingRoundsReads) {
  const roundWithPlan = (db: DbOrTx) => {
    const plan = reads.planCodes();
    return db
      .select({ row: reportingRounds, planCode: plan.code })
      .from(reportingRounds)
      .leftJoin(plan, eq(plan.id, reportingRounds.planId));
  };
  return {
    /** Rounds and unit reports by id, as the audit log names them. */
    roundSubjectRows: (db: DbOrTx, ids: string[]) =>
      db
        .select({ id: reportingRounds.id, title: reportingRounds.title })
        .from(reportingRounds)
        .where(inArray(reportingRounds.id, ids)),
    reportSubjectRows: (db: DbOrTx, ids: string[]) =>
      db
        .select({
          id: unitReports.id,
          roundId: unitReports.roundId,
          orgUnitId: unitReports.orgUnitId,
          unit: orgUnits.name,
          round: reportingRounds.title,
        })
        .from(unitReports)
        .innerJoin(reportingRounds, eq(reportingRounds.id, unitReports.roundId))
        .innerJoin(orgUnits, eq(orgUnits.id, unitReports.orgUnitId))
        .where(inArray(unitReports.id, ids)),
    async listRounds(
      db: DbOrTx,
      f: {
        programId?: string;
        year?: number;
        status?: RoundStatus;
        scopeOrgUnitId?: string | null;
        limit: number;
        offset: number;
      },
    ) {
      const cond = and(
        f.programId ? eq(reportingRounds.programId, f.programId) : undefined,
        f.year ? eq(reportingRounds.year, f.year) : undefined,
        f.status ? eq(reportingRounds.status, f.status) : undefined,
        f.scopeOrgUnitId
          ? sql`exists (select 1 from ${unitReports} where ${unitReports.roundId} = ${reportingRounds.id} and ${unitReports.orgUnitId} = ${f.scopeOrgUnitId})`
          : undefined,
      );
      const [rows, [{ total }]] = await Promise.all([
        roundWithPlan(db)
          .where(cond)
          .orderBy(desc(reportingRounds.dueDate), asc(reportingRounds.title))
          .limit(f.limit)
          .offset(f.offset),
        db
          .select({ total: sql<number>`count(*)::int` })
          .from(reportingRounds)
          .where(cond),
      ]);
      return { rows, total };
    },
    async getRound(db: DbOrTx, id: string) {
      const [hit] = await roundWithPlan(db).where(eq(reportingRounds.id, id));
      return hit;
    },
    async insertRound(db: DbOrTx, v: typeof reportingRounds.$inferInsert) {
      const [row] = await db.insert(reportingRounds).values(v).returning();
      return row;
    },
    async setRoundStatus(db: DbOrTx, id: string, status: RoundStatus) {
      const [row] = await db.update(reportingRounds).set({ status }).where(eq(reportingRounds.id, id)).returning();
      return row;
    },
    async insertReports(db: DbOrTx, roundId: string, orgUnitIds: string[]) {
      if (orgUnitIds.length)
        await db.insert(unitReports).values(orgUnitIds.map((orgUnitId) => ({ roundId, orgUnitId })));
    },
    /** Reports with their unit and round, for round pages, timeliness tables and reminders. */
    reports: (db: DbOrTx, f: ReportsFilter) =>
      db
        .select({ report: unitReports, unitName: orgUnits.name, round: reportingRounds })
        .from(unitReports)
        .innerJoin(orgUnits, eq(orgUnits.id, unitReports.orgUnitId))
        .innerJoin(reportingRounds, eq(reportingRounds.id, unitReports.roundId))
        .where(reportsWhere(f))
        .orderBy(asc(reportingRounds.dueDate), asc(orgUnits.name)),
    /** The reports matching `a` or `b` in one query, each row saying which it matches (the monitoring dashboard). */
    reportsOfEither: (db: DbOrTx, a: ReportsFilter, b: ReportsFilter) =>
      db
        .select({
          report: unitReports,
          unitName: orgUnits.name,
          round: reportingRounds,
          inA: sql<boolean>`coalesce(${reportsWhere(a) ?? sql`true`}, false)`,
          inB: sql<boolean>`coalesce(${reportsWhere(b) ?? sql`true`}, false)`,
        })
        .from(unitReports)
        .innerJoin(orgUnits, eq(orgUnits.id, unitReports.orgUnitId))
        .innerJoin(reportingRounds, eq(reportingRounds.id, unitReports.roundId))
        .where(or(reportsWhere(a) ?? sql`true`, reportsWhere(b) ?? sql`true`))
        .orderBy(asc(reportingRounds.dueDate), asc(orgUnits.name)),
    /** Unit reports across rounds with their unit and round, one page and the total (work queues). */
    async listReports(
      db: DbOrTx,
      f: {
        status?: ReportStatus;
        revised?: 'true' | 'false';
        orgUnitId?: string | null;
        limit: number;
        offset: number;
      },
    ) {
      const cond = and(
        f.status ? eq(unitReports.status, f.status) : undefined,
        f.revised === 'true'
          ? gt(unitReports.revision, 0)
          : f.revised === 'false'
            ? eq(unitReports.revision, 0)
            : undefined,
        f.orgUnitId ? eq(unitReports.orgUnitId, f.orgUnitId) : undefined,
      );
      const [rows, [{ total }]] = await Promise.all([
        db
          .select({ report: unitReports, unitName: orgUnits.name, round: reportingRounds })
          .from(unitReports)
          .innerJoin(orgUnits, eq(orgUnits.id, unitReports.orgUnitId))
          .innerJoin(reportingRounds, eq(reportingRounds.id, unitReports.roundId))
          .where(cond)
          .orderBy(asc(reportingRounds.dueDate), asc(orgUnits.name), asc(unitReports.id))
          .limit(f.limit)
          .offset(f.offset),
        db
          .select({ total: sql<number>`count(*)::int` })
          .from(unitReports)
          .where(cond),
      ]);
      return { rows, total };
    },
    async report(db: DbOrTx, roundId: string, orgUnitId: string, lock = false) {
      const q = db
        .select()
        .from(unitReports)
        .where(and(eq(unitReports.roundId, roundId), eq(unitReports.orgUnitId, orgUnitId)));
      const [row] = lock ? await q.for('update') : await q;
      return row;
    },
    /**
     * A unit's report page in one statement: the round, the report, the unit's name, and as JSON the values, task
     * rows and events (the report is null when the round exists without it). A read's cost is per query
     * (docs/benchmarks.md, "Read API").
     */
    async reportDetail(db: DbOrTx, roundId: string, orgUnitId: string) {
      const [hit] = await db
        .select({
          round: reportingRounds,
          report: unitReports,
          unitName: sql<string | null>`(select u.name from ${orgUnits} u where u.id = ${orgUnitId}::uuid)`,
          values: sql<{ indicatorId: string; value: number | null; comment: string | null }[]>`(select
            coalesce(jsonb_agg(jsonb_build_object('indicatorId', v.indicator_id, 'value', v.value, 'comment', v.comment)),
            '[]'::jsonb) from ${reportValues} v where v.report_id = ${unitReports.id})`,
          taskRows: sql<Omit<typeof reportTaskProgress.$inferSelect, 'reportId'>[]>`(select
            coalesce(jsonb_agg(jsonb_build_object('taskId', p.task_id, 'status', p.status,
              'progressPercent', p.progress_percent, 'spentVnd', p.spent_vnd, 'note', p.note)), '[]'::jsonb)
            from ${reportTaskProgress} p where p.report_id = ${unitReports.id})`,
          events: sql<(Omit<ReportEventView, 'at'> & { at: string })[]>`(select coalesce(jsonb_agg(jsonb_build_object(
              'id', e.id, 'action', e.action, 'fromStatus', e.from_status, 'toStatus', e.to_status,
              'revision', e.revision, 'comment', e.comment, 'snapshot', e.snapshot, 'actorName', u.display_name,
              'at', e.at) order by e.at, e.id), '[]'::jsonb)
            from ${reportEvents} e join ${users} u on u.id = e.actor_id where e.report_id = ${unitReports.id})`,
        })
        .from(reportingRounds)
        .leftJoin(unitReports, and(eq(unitReports.roundId, reportingRounds.id), eq(unitReports.orgUnitId, orgUnitId)))
        .where(eq(reportingRounds.id, roundId));
      if (!hit) return undefined;
      // timestamps inside JSON arrive as ISO strings
      return { ...hit, events: hit.events.map((e) => ({ ...e, at: new Date(e.at) })) };
    },
    async reportById(db: DbOrTx, id: string) {
      const [row] = await db.select().from(unitReports).where(eq(unitReports.id, id));
      return row;
    },
    async orgUnit(db: DbOrTx, id: string) {
      const [row] = await db.select({ id: orgUnits.id, name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.id, id));
      return row;
    },
    async orgUnitIdsExist(db: DbOrTx, ids: string[]) {
      if (!ids.length) return new Set<string>();
      return new Set(
        (await db.select({ id: orgUnits.id }).from(orgUnits).where(inArray(orgUnits.id, ids))).map((r) => r.id),
      );
    },
    values: (db: DbOrTx, reportId: string) => db.select().from(reportValues).where(eq(reportValues.reportId, reportId)),
    taskRows: (db: DbOrTx, reportId: string) =>
      db.select().from(reportTaskProgress).where(eq(reportTaskProgress.reportId, reportId)),
    async upsertValue(db: DbOrTx, v: typeof reportValues.$inferInsert) {
      await db
        .insert(reportValues)
        .values(v)
        .onConflictDoUpdate({
          target: [reportValues.reportId, reportValues.indicatorId],
          set: { value: v.value, comment: v.comment },
        });
    },
    async upsertTask(db: DbOrTx, v: typeof reportTaskProgress.$inferInsert) {
      await db
        .insert(reportTaskProgress)
        .values(v)
        .onConflictDoUpdate({
          target: [reportTaskProgress.reportId, reportTaskProgress.taskId],
          set: { status: v.status, progressPercent: v.progressPercent, spentVnd: v.spentVnd, note: v.note },
        });
    },
    async updateReport(db: DbOrTx, id: string, patch: Partial<typeof unitReports.$inferInsert>) {
      const [row] = await db
        .update(unitReports)
        .set({ ...patch, version: sql`${unitReports.version} + 1`, updatedAt: new Date() })
        .where(eq(unitReports.id, id))
        .returning();
      return row;
    },
    async addEvent(db: DbOrTx, v: typeof reportEvents.$inferInsert) {
      const [row] = await db.insert(reportEvents).values(v).returning();
      return row;
    },
    events: (db: DbOrTx, reportId: string) =>
      db
        .select({
          id: reportEvents.id,
          action: reportEvents.action,
          fromStatus: reportEvents.fromStatus,
          toStatus: reportEvents.toStatus,
          revision: reportEvents.revision,
          comment: reportEvents.comment,
          snapshot: reportEvents.snapshot,
          actorName: users.displayName,
          at: reportEvents.at,
        })
        .from(reportEvents)
        .innerJoin(users, eq(users.id, reportEvents.actorId))
        .where(eq(reportEvents.reportId, reportId))
        .orderBy(asc(reportEvents.at), asc(reportEvents.id)),
    /** Approved values of some indicators in some years (optionally one unit), the latest approval first. */
    approvedValues: (db: DbOrTx, indicatorIds: string[], years: number[], orgUnitId?: string) =>
      indicatorIds.length && years.length
        ? db
            .select({
              indicatorId: reportValues.indicatorId,
              orgUnitId: unitReports.orgUnitId,
              year: reportingRounds.year,
              quarter: reportingRounds.quarter,
              value: reportValues.value,
            })
            .from(reportValues)
            .innerJoin(unitReports, eq(unitReports.id, reportValues.reportId))
            .innerJoin(reportingRounds, eq(reportingRounds.id, unitReports.roundId))
            .where(
              and(
                inArray(reportValues.indicatorId, indicatorIds),
                inArray(reportingRounds.year, years),
                eq(unitReports.status, 'approved'),
                sql`${reportValues.value} is not null`,
                orgUnitId ? eq(unitReports.orgUnitId, orgUnitId) : undefined,
              ),
            )
            .orderBy(sql`${unitReports.approvedAt} desc`)
        : Promise.resolve([]),
  };
}
export type ReportingRoundsRepo = ReturnType<typeof createReportingRoundsRepo>;
