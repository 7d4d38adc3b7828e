import type { Actor } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';

/** People are read by every logged-in user (to pick team members); admins and the secretariat maintain them. */
export const peoplePolicy = {
  assertCanWrite(actor: Actor) {
    if (actor.role !== 'admin' && actor.role !== 'secretariat')
      throw forbidden('Only admins and the secretariat maintain people');
  },
};
