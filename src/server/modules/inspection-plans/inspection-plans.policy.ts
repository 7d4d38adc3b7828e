import type { Actor } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';

/**
 * Plans, teams and targets are read by every logged-in user — a `unit` user included: plans are public to
 * the units they inspect. Only admins and the secretariat write them.
 */
export const inspectionPlansPolicy = {
  assertCanWrite(actor: Actor) {
    if (actor.role !== 'admin' && actor.role !== 'secretariat')
      throw forbidden('Only admins and the secretariat maintain inspection plans');
  },
};
