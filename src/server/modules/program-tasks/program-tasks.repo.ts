import { and, asc, desc, eq, inArray, isNull, lt, notInArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { TaskStatus } from '../../../shared/monitoring-domain.js';
import { foldText } from '../../../shared/text.js';
import type { DbOrTx } from '../../db/client.js';
import { orgUnits, programTasks, taskCoordinators, taskUpdates, users } from '../../db/schema/index.js';
import { searchCondition } from '../../db/search.js';
import type { IndicatorsService } from '../indicators/indicators.service.js';

const lead = alias(orgUnits, 'lead');
const delegated = alias(orgUnits, 'delegated');
export type TaskRow = typeof programTasks.$inferSelect;
export type NewTask = Omit<typeof programTasks.$inferInsert, 'searchText'>;
export interface TaskFilter {
  programId?: string;
  planId?: string;
  orgUnitId?: string;
  scopeOrgUnitId?: string | null;
  status?: TaskStatus;
  overdue?: 'true' | 'false';
  active?: 'true' | 'false';
  q?: string;
  limit: number;
  offset: number;
}

const finished: TaskStatus[] = ['completed', 'cancelled'];
export const taskOverdueCondition = (today: string) =>
  and(notInArray(programTasks.status, finished), lt(programTasks.deadline, today));

const involves = (orgUnitId: string) =>
  or(
    eq(programTasks.leadOrgUnitId, orgUnitId),
    eq(programTasks.delegatedOrgUnitId, orgUnitId),
    sql`exists (select 1 from ${taskCoordinators} where ${taskCoordinators.taskId} = ${programTasks.id} and ${taskCoordinators.orgUnitId} = ${orgUnitId})`,
  );

/** What the tasks join from other modules, as subqueries their services build (wired in services.ts). */
export interface ProgramTasksReads {
  planCodes: IndicatorsService['planCodes'];
}

export function createProgramTasksRepo(reads: ProgramTasksReads) {
  const select = (db: DbOrTx) => {
    const plan = reads.planCodes();
    return db
      .select({ row: programTasks, leadName: lead.name, delegatedName: delegated.name, planCode: plan.code })
      .from(programTasks)
      .innerJoin(lead, eq(lead.id, programTasks.leadOrgUnitId))
      .leftJoin(delegated, eq(delegated.id, programTasks.delegatedOrgUnitId))
      .leftJoin(plan, eq(plan.id, programTasks.planId));
  };
  const cond = (f: Omit<TaskFilter, 'limit' | 'offset'>, today: string): SQL | undefined =>
    and(
      f.programId ? eq(programTasks.programId, f.programId) : undefined,
      f.planId ? eq(programTasks.planId, f.planId) : undefined,
      f.orgUnitId ? involves(f.orgUnitId) : undefined,
      f.scopeOrgUnitId ? involves(f.scopeOrgUnitId) : undefined,
      f.status ? eq(programTasks.status, f.status) : undefined,
      f.overdue === 'true'
        ? taskOverdueCondition(today)
        : f.overdue === 'false'
          ? sql`not (${taskOverdueCondition(today)})`
          : undefined,
      f.active === 'true'
        ? notInArray(programTasks.status, finished)
        : f.active === 'false'
          ? inArray(programTasks.status, finished)
          : undefined,
      searchCondition(programTasks.searchText, f.q),
    );
  return {
    /** The tasks' codes and titles as a subquery (built, not run) for other modules to join in their own statement. */
    titles: (db: DbOrTx) =>
      db
        .select({ id: programTasks.id, code: programTasks.code, title: programTasks.title })
        .from(programTasks)
        .as('task_v'),
    /** Tasks by id, as the audit log names them. */
    subjectRows: (db: DbOrTx, ids: string[]) =>
      db
        .select({ id: programTasks.id, code: programTasks.code, title: programTasks.title })
        .from(programTasks)
        .where(inArray(programTasks.id, ids)),
    async list(db: DbOrTx, f: TaskFilter, today: string) {
      const where = cond(f, today);
      const [rows, [{ total }]] = await Promise.all([
        select(db)
          .where(where)
          .orderBy(asc(programTasks.deadline), asc(programTasks.code))
          .limit(f.limit)
          .offset(f.offset),
        db
          .select({ total: sql<number>`count(*)::int` })
          .from(programTasks)
          .where(where),
      ]);
      return { rows, total };
    },
    all: (db: DbOrTx, f: Omit<TaskFilter, 'limit' | 'offset'>, today: string) =>
      select(db).where(cond(f, today)).orderBy(asc(programTasks.deadline), asc(programTasks.code)),
    async get(db: DbOrTx, id: string) {
      const [hit] = await select(db).where(eq(programTasks.id, id));
      return hit;
    },
    async getRow(db: DbOrTx, id: string) {
      const [row] = await db.select().from(programTasks).where(eq(programTasks.id, id));
      return row;
    },
    async lock(db: DbOrTx, id: string) {
      const [row] = await db.select().from(programTasks).where(eq(programTasks.id, id)).for('update');
      return row;
    },
    coordinators: (db: DbOrTx, ids: string[]) =>
      ids.length
        ? db
            .select({ taskId: taskCoordinators.taskId, id: orgUnits.id, name: orgUnits.name })
            .from(taskCoordinators)
            .innerJoin(orgUnits, eq(orgUnits.id, taskCoordinators.orgUnitId))
            .where(inArray(taskCoordinators.taskId, ids))
            .orderBy(asc(orgUnits.name))
        : Promise.resolve([]),
    history: (db: DbOrTx, id: string) =>
      db
        .select({
          id: taskUpdates.id,
          status: taskUpdates.status,
          progressPercent: taskUpdates.progressPercent,
          spentVnd: taskUpdates.spentVnd,
          note: taskUpdates.note,
          authorName: users.displayName,
          at: taskUpdates.at,
        })
        .from(taskUpdates)
        .innerJoin(users, eq(users.id, taskUpdates.authorId))
        .where(eq(taskUpdates.taskId, id))
        .orderBy(asc(taskUpdates.at), asc(taskUpdates.id)),
    async insert(db: DbOrTx, v: NewTask) {
      const [row] = await db
        .insert(programTasks)
        .values({ ...v, searchText: foldText(v.code, v.title, v.legalBasis) })
        .returning();
      return row;
    },
    /** Changes the task if still at `version` (+1 in the same statement); undefined when changed meanwhile. */
    async update(db: DbOrTx, id: string, patch: Partial<NewTask>, current: TaskRow, version: number) {
      const n = { ...current, ...patch };
      const [row] = await db
        .update(programTasks)
        .set({
          ...patch,
          searchText: foldText(n.code, n.title, n.legalBasis),
          version: sql`${programTasks.version} + 1`,
          updatedAt: new Date(),
        })
        .where(and(eq(programTasks.id, id), eq(programTasks.version, version)))
        .returning();
      return row;
    },
    async setCoordinators(db: DbOrTx, id: string, orgUnitIds: string[]) {
      await db.delete(taskCoordinators).where(eq(taskCoordinators.taskId, id));
      if (orgUnitIds.length)
        await db
          .insert(taskCoordinators)
          .values([...new Set(orgUnitIds)].map((orgUnitId) => ({ taskId: id, orgUnitId })));
    },
    async addUpdate(db: DbOrTx, v: typeof taskUpdates.$inferInsert) {
      const [row] = await db.insert(taskUpdates).values(v).returning();
      return row;
    },
    async orgUnits(db: DbOrTx, ids: string[]) {
      if (!ids.length) return [];
      return db
        .select({ id: orgUnits.id, parentId: orgUnits.parentId })
        .from(orgUnits)
        .where(inArray(orgUnits.id, [...new Set(ids)]));
    },
    /** Tasks whose progress a unit reports: delegated to it, or led by it and not delegated. */
    reportedBy: (db: DbOrTx, programId: string, planId: string | null, orgUnitId: string) =>
      db
        .select()
        .from(programTasks)
        .where(
          and(
            eq(programTasks.programId, programId),
            planId ? eq(programTasks.planId, planId) : undefined,
            or(
              eq(programTasks.delegatedOrgUnitId, orgUnitId),
              and(eq(programTasks.leadOrgUnitId, orgUnitId), isNull(programTasks.delegatedOrgUnitId)),
            ),
          ),
        )
        .orderBy(asc(programTasks.code)),
    reporterUnitIds: (db: DbOrTx, programId: string, planId: string | null) =>
      db
        .selectDistinct({
          id: sql<string>`coalesce(${programTasks.delegatedOrgUnitId}, ${programTasks.leadOrgUnitId})`,
        })
        .from(programTasks)
        .where(
          and(
            eq(programTasks.programId, programId),
            planId ? eq(programTasks.planId, planId) : undefined,
            notInArray(programTasks.status, finished),
          ),
        )
        .then((rows) => rows.map((r) => r.id)),
    latestUpdateAt: (db: DbOrTx, id: string) =>
      db
        .select({ at: taskUpdates.at })
        .from(taskUpdates)
        .where(eq(taskUpdates.taskId, id))
        .orderBy(desc(taskUpdates.at))
        .limit(1),
  };
}
export type ProgramTasksRepo = ReturnType<typeof createProgramTasksRepo>;
