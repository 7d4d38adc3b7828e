import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { findingLinks, findings, indicators, inspections, programTasks } from '../../db/schema/index.js';

export function createFindingLinksRepo() {
  const select = (db: DbOrTx) =>
    db
      .select({
        id: findingLinks.id,
        findingId: findingLinks.findingId,
        findingKind: findings.kind,
        findingText: findings.text,
        inspectionId: findings.inspectionId,
        indicatorId: indicators.id,
        indicatorCode: indicators.code,
        indicatorName: indicators.nameVi,
        taskId: programTasks.id,
        taskCode: programTasks.code,
        taskTitle: programTasks.title,
      })
      .from(findingLinks)
      .innerJoin(findings, eq(findings.id, findingLinks.findingId))
      .leftJoin(indicators, eq(indicators.id, findingLinks.indicatorId))
      .leftJoin(programTasks, eq(programTasks.id, findingLinks.taskId));
  return {
    list: (
      db: DbOrTx,
      f: { inspectionId?: string; findingId?: string; indicatorId?: string; taskId?: string; targetOrgUnitId?: string },
    ) =>
      select(db)
        .where(
          and(
            f.inspectionId ? eq(findings.inspectionId, f.inspectionId) : undefined,
            f.findingId ? eq(findingLinks.findingId, f.findingId) : undefined,
            f.indicatorId ? eq(findingLinks.indicatorId, f.indicatorId) : undefined,
            f.taskId ? eq(findingLinks.taskId, f.taskId) : undefined,
            f.targetOrgUnitId
              ? inArray(
                  findings.inspectionId,
                  db
                    .select({ id: inspections.id })
                    .from(inspections)
                    .where(eq(inspections.targetOrgUnitId, f.targetOrgUnitId)),
                )
              : undefined,
          ),
        )
        .orderBy(asc(findingLinks.createdAt)),
    async get(db: DbOrTx, id: string) {
      const [row] = await select(db).where(eq(findingLinks.id, id));
      return row;
    },
    async finding(db: DbOrTx, id: string) {
      const [row] = await db
        .select({ id: findings.id, inspectionId: findings.inspectionId })
        .from(findings)
        .where(eq(findings.id, id));
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
