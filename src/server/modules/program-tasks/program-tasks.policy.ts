import type { Actor } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';
import { isMonitoringStaff } from '../indicators/indicators.service.js';

export interface TaskParties {
  leadOrgUnitId: string;
  delegatedOrgUnitId: string | null;
  coordinatingOrgUnitIds: string[];
}

/**
 * Tasks are set up by the secretariat. Progress is reported by the unit that carries the task out: the
 * sub-unit it was delegated to, else the lead unit. Unit accounts see the tasks they lead, carry out or coordinate.
 */
export const programTasksPolicy = {
  scopeOrgUnitId(actor: Actor): string | null {
    if (actor.role !== 'unit') return null;
    if (!actor.orgUnitId) throw forbidden('This unit account has no org unit');
    return actor.orgUnitId;
  },
  canRead: (actor: Actor, t: TaskParties) =>
    actor.role !== 'unit' ||
    (!!actor.orgUnitId &&
      (t.leadOrgUnitId === actor.orgUnitId ||
        t.delegatedOrgUnitId === actor.orgUnitId ||
        t.coordinatingOrgUnitIds.includes(actor.orgUnitId))),
  /** The unit that reports on the task. */
  reporterOf: (t: { leadOrgUnitId: string; delegatedOrgUnitId: string | null }) =>
    t.delegatedOrgUnitId ?? t.leadOrgUnitId,
  canReport: (actor: Actor, t: TaskParties) =>
    isMonitoringStaff(actor) ||
    (actor.role === 'unit' && !!actor.orgUnitId && actor.orgUnitId === programTasksPolicy.reporterOf(t)),
  canWrite: isMonitoringStaff,
  assertCanRead(actor: Actor, t: TaskParties) {
    if (!programTasksPolicy.canRead(actor, t)) throw forbidden('This task concerns another unit');
  },
  assertCanReport(actor: Actor, t: TaskParties) {
    if (!programTasksPolicy.canReport(actor, t))
      throw forbidden('Only the unit carrying the task out, or the secretariat, reports progress');
  },
  assertCanWrite(actor: Actor | null) {
    if (actor && !isMonitoringStaff(actor)) throw forbidden('Only admins and the secretariat set up tasks');
  },
};
