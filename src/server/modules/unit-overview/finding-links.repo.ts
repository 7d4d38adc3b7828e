import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { findingLinks } from '../../db/schema/index.js';
import type { IndicatorsService } from '../indicators/indicators.service.js';
import type { InspectionsService } from '../inspections/inspections.service.js';
import type { ProgramTasksService } from '../program-tasks/program-tasks.service.js';

/**
 * What a finding link shows beside itself, as subqueries their modules build (wired in services.ts): the finding, its
 * inspection (a unit's links are found through its inspections), the indicator or task it concerns. Joined in the
 * link's own statement: one query per list, as before.
 */
export interface FindingLinksReads {
  findings: InspectionsService['views']['findings'];
  inspections: InspectionsService['views']['inspections'];
  indicators: IndicatorsService['names'];
  tasks: ProgramTasksService['titles'];
}

export function createFindingLinksRepo(reads: FindingLinksReads) {
  const select = (db: DbOrTx) => {
    const finding = reads.findings();
    const indicator = reads.indicators();
    const task = reads.tasks();
    const query = db
      .select({
        id: findingLinks.id,
        findingId: findingLinks.findingId,
        findingKind: finding.kind,
        findingText: finding.text,
        inspectionId: finding.inspectionId,
        indicatorId: indicator.id,
        indicatorCode: indicator.code,
        indicatorName: indicator.nameVi,
        taskId: task.id,
        taskCode: task.code,
        taskTitle: task.title,
      })
      .from(findingLinks)
      .innerJoin(finding, eq(finding.id, findingLinks.findingId))
      .leftJoin(indicator, eq(indicator.id, findingLinks.indicatorId))
      .leftJoin(task, eq(task.id, findingLinks.taskId));
    return { query, finding };
  };
  return {
    list: (
      db: DbOrTx,
      f: { inspectionId?: string; findingId?: string; indicatorId?: string; taskId?: string; targetOrgUnitId?: string },
    ) => {
      const { query, finding } = select(db);
      const inspections = reads.inspections();
      return query
        .where(
          and(
            f.inspectionId ? eq(finding.inspectionId, f.inspectionId) : undefined,
            f.findingId ? eq(findingLinks.findingId, f.findingId) : undefined,
            f.indicatorId ? eq(findingLinks.indicatorId, f.indicatorId) : undefined,
            f.taskId ? eq(findingLinks.taskId, f.taskId) : undefined,
            f.targetOrgUnitId
              ? inArray(
                  finding.inspectionId,
                  db
                    .select({ id: inspections.id })
                    .from(inspections)
                    .where(eq(inspections.targetOrgUnitId, f.targetOrgUnitId)),
                )
              : undefined,
          ),
        )
        .orderBy(asc(findingLinks.createdAt));
    },
    async get(db: DbOrTx, id: string) {
      const [row] = await select(db).query.where(eq(findingLinks.id, id));
      return row;
    },
    async finding(db: DbOrTx, id: string) {
      const finding = reads.findings();
      const [row] = await db
        .select({ id: finding.id, inspectionId: finding.inspectionId })
        .from(finding)
        .where(eq(finding.id, id));
      return row;
    },
    async insert(db: DbOrTx, v: typeof findingLinks.$inferInsert) {
      const [row] = await db.insert(findingLinks).values(v).onConflictDoNothing().returning();
      return row;
    },
    remove: (db: DbOrTx, id: string) => db.delete(findingLinks).where(eq(findingLinks.id, id)),
  };
}
export type FindingLinksRepo = ReturnType<typeof createFindingLinksRepo>;
