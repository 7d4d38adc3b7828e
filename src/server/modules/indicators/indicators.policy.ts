import type { Actor } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';

export const isMonitoringStaff = (actor: Actor) => actor.role === 'admin' || actor.role === 'secretariat';

/** Indicators, targets, plans and thresholds are read by every logged-in user and set up by admins and the secretariat. */
export const indicatorsPolicy = {
  canWrite: isMonitoringStaff,
  assertCanWrite(actor: Actor | null) {
    if (actor && !isMonitoringStaff(actor)) throw forbidden('Only admins and the secretariat maintain indicators and targets');
  },
};
