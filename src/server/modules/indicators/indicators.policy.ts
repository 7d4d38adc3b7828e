import type { Actor } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';

export const isMonitoringStaff = (actor: Actor) => actor.role === 'admin' || actor.role === 'secretariat';

/** Indicators, targets, plans and thresholds are read by every logged-in user and set up by admins and the secretariat. */
export const indicatorsPolicy = {
  canWrite: isMonitoringStaff,
  assertCanWrite(actor: Actor | null) {
    if (actor && !isMonitoringStaff(actor))
      throw forbidden('Only admins and the secretariat maintain indicators and targets');
  },
};

/** Monitoring is the committee's and the units' business: enterprise accounts (DX self-assessment) have no part in it. */
export function assertMonitoringAccess(actor: Actor) {
  if (actor.role === 'enterprise') throw forbidden('Enterprise accounts have no access to program monitoring');
}
