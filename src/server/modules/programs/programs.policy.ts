import type { Actor } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';

/** Programs are read by every logged-in user; admins and the secretariat set them up and name the committee. */
export const programsPolicy = {
  assertCanWrite(actor: Actor) {
    if (actor.role !== 'admin' && actor.role !== 'secretariat')
      throw forbidden('Only admins and the secretariat maintain programs');
  },
};
