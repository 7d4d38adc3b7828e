import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { inspectionPlans, inspections, teamMembers } from '../../db/schema/index.js';

/** Which inspections a dashboard counts: all, one target unit's, or those of the teams a person sits on. */
export type InspectionScope = { all: true } | { orgUnitId: string } | { teamPersonId: string | null };

export function inspectionScopeWhere(db: DbOrTx, scope: InspectionScope) {
  if ('orgUnitId' in scope) return eq(inspections.targetOrgUnitId, scope.orgUnitId);
  if ('teamPersonId' in scope)
    return inArray(
      inspections.teamId,
      db
        .select({ id: teamMembers.teamId })
        .from(teamMembers)
        .where(eq(teamMembers.personId, scope.teamPersonId ?? '00000000-0000-0000-0000-000000000000')),
    );
  return undefined;
}

export function createDashboardRepo() {
  return {
    /** Inspection counts per plan and status, in one GROUP BY; only those in `scope`. */
    inspectionCounts: (db: DbOrTx, scope: InspectionScope) =>
      db
        .select({ planId: inspections.planId, status: inspections.status, n: sql<number>`count(*)::int` })
        .from(inspections)
        .where(inspectionScopeWhere(db, scope))
        .groupBy(inspections.planId, inspections.status),

    /** All plans, or those with an inspection in `scope`; newest year first. */
    plans: (db: DbOrTx, scope: InspectionScope) =>
      db
        .select({
          id: inspectionPlans.id,
          code: inspectionPlans.code,
          title: inspectionPlans.title,
          year: inspectionPlans.year,
        })
        .from(inspectionPlans)
        .where(
          'all' in scope
            ? undefined
            : inArray(
                inspectionPlans.id,
                db.select({ id: inspections.planId }).from(inspections).where(inspectionScopeWhere(db, scope)),
              ),
        )
        .orderBy(desc(inspectionPlans.year), asc(inspectionPlans.code)),
  };
}
export type DashboardRepo = ReturnType<typeof createDashboardRepo>;
