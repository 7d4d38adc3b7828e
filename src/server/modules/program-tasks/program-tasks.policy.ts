import type { Actor } from '../../http/context.js';
import { allows, authorize, listOrgUnit } from '../../http/authorize.js';

export interface TaskParties {
  leadOrgUnitId: string;
  delegatedOrgUnitId: string | null;
  coordinatingOrgUnitIds: string[];
}

/** The unit that reports on the task: the sub-unit it was delegated to, else the lead unit. */
const reporterOf = (t: { leadOrgUnitId: string; delegatedOrgUnitId: string | null }) =>
  t.delegatedOrgUnitId ?? t.leadOrgUnitId;
const readers = (t: TaskParties) => [t.leadOrgUnitId, t.delegatedOrgUnitId, ...t.coordinatingOrgUnitIds];

/** Adapter to the catalogue (programTask.*): a unit reads the tasks it leads, carries out or coordinates. */
export const programTasksPolicy = {
  scopeOrgUnitId: (actor: Actor) => listOrgUnit(actor, 'programTask.read'),
  canRead: (actor: Actor, t: TaskParties) => allows(actor, 'programTask.read', { orgUnitIds: readers(t) }),
  reporterOf,
  canReport: (actor: Actor, t: TaskParties) => allows(actor, 'programTask.report', { orgUnitIds: [reporterOf(t)] }),
  canWrite: (actor: Actor) => allows(actor, 'programTask.manage'),
  assertCanRead: (actor: Actor, t: TaskParties) => authorize(actor, 'programTask.read', { orgUnitIds: readers(t) }),
  assertCanReport: (actor: Actor, t: TaskParties) =>
    authorize(actor, 'programTask.report', { orgUnitIds: [reporterOf(t)] }),
  assertCanWrite: (actor: Actor) => authorize(actor, 'programTask.manage'),
};
