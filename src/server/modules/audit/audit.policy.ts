import { forbidden } from '../../http/errors.js';
import type { Actor } from '../../http/context.js';

export const auditPolicy = {
  assertCanRead(actor: Actor) {
    if (actor.role !== 'admin') throw forbidden('Only admins read the audit log');
  },
};
