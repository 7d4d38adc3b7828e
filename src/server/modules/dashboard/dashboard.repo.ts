import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { InspectionPlansService } from '../inspection-plans/inspection-plans.service.js';
import type { InspectionsService } from '../inspections/inspections.service.js';

/** Which inspections a dashboard counts: all, one target unit's, or those of the teams a person sits on. */
export type InspectionScope = { all: true } | { orgUnitId: string } | { teamPersonId: string | null };

/**
 * The dashboard owns no table: it is a read model over the inspections and their plans, joined as the subqueries
 * their services build (wired in services.ts), so the counts stay one GROUP BY and the plans one query.
 */
export interface DashboardReads {
  inspections: InspectionsService['views']['inspections'];
  plans: InspectionPlansService['views']['plans'];
  teamIdsOf: InspectionPlansService['views']['teamIdsOf'];
}

export function createDashboardRepo(reads: DashboardReads) {
  function scopeWhere(inspections: ReturnType<DashboardReads['inspections']>, scope: InspectionScope) {
    if ('orgUnitId' in scope) return eq(inspections.targetOrgUnitId, scope.orgUnitId);
    if ('teamPersonId' in scope) return inArray(inspections.teamId, reads.teamIdsOf(scope.teamPersonId));
    return undefined;
  }
  return {
    /** Inspection counts per plan and status, in one GROUP BY; only those in `scope`. */
    inspectionCounts(db: DbOrTx, scope: InspectionScope) {
      const inspections = reads.inspections();
      return db
        .select({ planId: inspections.planId, status: inspections.status, n: sql<number>`count(*)::int` })
        .from(inspections)
        .where(scopeWhere(inspections, scope))
        .groupBy(inspections.planId, inspections.status);
    },

    /** All plans, or those with an inspection in `scope`; newest year first. */
    plans(db: DbOrTx, scope: InspectionScope) {
      const plans = reads.plans();
      const inspections = reads.inspections();
      return db
        .select({ id: plans.id, code: plans.code, title: plans.title, year: plans.year })
        .from(plans)
        .where(
          'all' in scope
            ? undefined
            : inArray(
                plans.id,
                db.select({ id: inspections.planId }).from(inspections).where(scopeWhere(inspections, scope)),
              ),
        )
        .orderBy(desc(plans.year), asc(plans.code));
    },
  };
}
export type DashboardRepo = ReturnType<typeof createDashboardRepo>;
