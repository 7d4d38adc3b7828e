import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { inspectionPlans, inspections } from '../../db/schema/index.js';

export function createDashboardRepo() {
  return {
    /** Inspection counts per plan and status, in one GROUP BY; only the target's when `targetOrgUnitId` is set. */
    inspectionCounts: (db: DbOrTx, targetOrgUnitId: string | null) =>
      db
        .select({ planId: inspections.planId, status: inspections.status, n: sql<number>`count(*)::int` })
        .from(inspections)
        .where(targetOrgUnitId ? eq(inspections.targetOrgUnitId, targetOrgUnitId) : undefined)
        .groupBy(inspections.planId, inspections.status),

    /** All plans, or those with an inspection of `targetOrgUnitId`; newest year first. */
    plans: (db: DbOrTx, targetOrgUnitId: string | null) =>
      db
        .select({
          id: inspectionPlans.id,
          code: inspectionPlans.code,
          title: inspectionPlans.title,
          year: inspectionPlans.year,
        })
        .from(inspectionPlans)
        .where(
          targetOrgUnitId
            ? inArray(
                inspectionPlans.id,
                db
                  .select({ id: inspections.planId })
                  .from(inspections)
                  .where(eq(inspections.targetOrgUnitId, targetOrgUnitId)),
              )
            : undefined,
        )
        .orderBy(desc(inspectionPlans.year), asc(inspectionPlans.code)),
  };
}
export type DashboardRepo = ReturnType<typeof createDashboardRepo>;
