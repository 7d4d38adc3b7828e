import type { Actor } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';

/**
 * City analytics are for the city: the secretariat, viewers and admins. Enterprise, unit and inspector
 * accounts get 403 even though every published cell is suppressed below the threshold.
 * Bulk imports write the registry, so only admins run them.
 */
export const dxAnalyticsPolicy = {
  canRead: (actor: Actor) => actor.role === 'admin' || actor.role === 'secretariat' || actor.role === 'viewer',
  canImport: (actor: Actor) => actor.role === 'admin',
  assertCanRead(actor: Actor) {
    if (!dxAnalyticsPolicy.canRead(actor))
      throw forbidden('City analytics are for the secretariat, viewers and admins');
  },
  assertCanImport(actor: Actor) {
    if (!dxAnalyticsPolicy.canImport(actor)) throw forbidden('Only admins import files');
  },
};
