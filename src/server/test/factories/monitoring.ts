import { indicatorInput } from '../../../shared/contracts/indicators.js';
import { planInput } from '../../../shared/contracts/monitoring.js';
import { taskInput } from '../../../shared/contracts/program-tasks.js';
import { roundInput } from '../../../shared/contracts/reporting-rounds.js';
import { SYSTEM_ACTOR } from '../../http/authorize.js';
import type { Services } from '../../services.js';
import { unique } from './foundation.js';
import type { inspectionFactories } from './inspections.js';

/** A code that satisfies the monitoring codes' rule (starts with a letter; letters, digits, `_`). */
const code = (prefix: string) => unique(prefix).replace('-', '_').toUpperCase();

/**
 * Monitoring plans, indicators, program tasks, reporting rounds and their unit reports, made through the services
 * (inputs parsed by the same contracts as the API, so defaults and rules apply as for a real request).
 */
export function monitoringFactories(services: Services, base: ReturnType<typeof inspectionFactories>) {
  const f = {
    async monitoringPlan(o: { programId?: string } = {}) {
      const programId = o.programId ?? (await base.program()).id;
      return services.indicators.createPlan(
        SYSTEM_ACTOR,
        planInput.parse({
          programId,
          code: code('KH'),
          title: 'Kế hoạch theo dõi thử',
          periodStart: 2021,
          periodEnd: 2025,
        }),
      );
    },
    /** A yearly summed indicator the given units report (one fresh unit by default), with a 2024 target of 100. */
    async indicator(o: { programId?: string; planId?: string | null; orgUnitIds?: string[]; code?: string } = {}) {
      const programId = o.programId ?? (await base.program()).id;
      const orgUnitIds = o.orgUnitIds ?? [(await base.orgUnit()).id];
      return services.indicators.create(
        SYSTEM_ACTOR,
        indicatorInput.parse({
          programId,
          planId: o.planId ?? null,
          code: o.code ?? code('IND'),
          nameVi: 'Chỉ tiêu thử',
          measureUnit: 'count',
          periodType: 'year',
          periodAggregation: 'sum',
          unitAggregation: 'sum',
          direction: 'higher',
          responsibleOrgUnitIds: orgUnitIds,
          targets: [{ year: 2024, value: 100 }],
        }),
      );
    },
    /** A task led by a fresh unit (or the given one), due at the end of 2024. */
    async task(o: { programId?: string; planId?: string | null; leadOrgUnitId?: string; deadline?: string } = {}) {
      const programId = o.programId ?? (await base.program()).id;
      const leadOrgUnitId = o.leadOrgUnitId ?? (await base.orgUnit()).id;
      return services.programTasks.create(
        SYSTEM_ACTOR,
        taskInput.parse({
          programId,
          planId: o.planId ?? null,
          code: unique('NV'),
          title: 'Nhiệm vụ thử',
          leadOrgUnitId,
          deadline: o.deadline ?? '2024-12-31',
          budgetAllocatedVnd: 100_000_000,
        }),
      );
    },
    /**
     * A yearly reporting round of 2024 asking `orgUnitIds` (an indicator's unit by default) to report: the round
     * and the ids of its unit reports' units.
     */
    async round(o: { programId?: string; orgUnitIds?: string[]; dueDate?: string } = {}) {
      const programId = o.programId ?? (await base.program()).id;
      const orgUnitIds = o.orgUnitIds ?? [(await base.orgUnit()).id];
      const id = await services.reportingRounds.createRound(
        SYSTEM_ACTOR,
        roundInput.parse({
          programId,
          title: `Báo cáo năm 2024 ${unique('r')}`,
          periodType: 'year',
          year: 2024,
          dueDate: o.dueDate ?? '2025-03-20',
          orgUnitIds,
        }),
      );
      return { id, programId, orgUnitIds };
    },
  };
  return f;
}
