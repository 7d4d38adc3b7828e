import type { Dashboard } from '../../../shared/contracts/dashboard.js';
import { inspectionStatuses, type InspectionStatus } from '../../../shared/domain.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../http/context.js';
import type { FollowUpsService } from '../follow-ups/follow-ups.service.js';
import type { DashboardRepo } from './dashboard.repo.js';
import { dashboardPolicy } from './dashboard.policy.js';

/** Statuses reached once the conclusion is issued: they count as progress of a plan. */
const concluded: readonly InspectionStatus[] = ['issued', 'follow_up', 'closed'];

const zeroByStatus = () =>
  Object.fromEntries(inspectionStatuses.map((s) => [s, 0])) as Record<InspectionStatus, number>;
const sum = (counts: Record<InspectionStatus, number>, statuses: readonly InspectionStatus[] = inspectionStatuses) =>
  statuses.reduce((n, s) => n + counts[s], 0);

export function createDashboardService({
  db,
  repo,
  followUps,
}: {
  db: Db;
  repo: DashboardRepo;
  followUps: FollowUpsService;
}) {
  return {
    async get(actor: Actor): Promise<Dashboard> {
      const scope = dashboardPolicy.inspectionScope(actor);
      const [counts, plans, followUpCounts, overdue] = await Promise.all([
        repo.inspectionCounts(db, scope),
        repo.plans(db, scope),
        followUps.summary(actor),
        followUps.list(actor, { overdue: 'true', limit: 10, offset: 0 }),
      ]);
      const total = zeroByStatus();
      const perPlan = new Map<string, Record<InspectionStatus, number>>();
      for (const { planId, status, n } of counts) {
        total[status] += n;
        const plan = perPlan.get(planId) ?? zeroByStatus();
        plan[status] += n;
        perPlan.set(planId, plan);
      }
      return {
        plans: plans.map((p) => {
          const byStatus = perPlan.get(p.id) ?? zeroByStatus();
          const inspectionsTotal = sum(byStatus);
          const progressPercent = inspectionsTotal
            ? Math.round((100 * sum(byStatus, concluded)) / inspectionsTotal)
            : 0;
          return { ...p, inspectionsTotal, byStatus, progressPercent };
        }),
        inspectionsTotal: sum(total),
        inspectionsByStatus: total,
        conclusionsIssued: sum(total, concluded),
        followUps: followUpCounts,
        overdueFollowUps: overdue.items,
      };
    },
  };
}
export type DashboardService = ReturnType<typeof createDashboardService>;
