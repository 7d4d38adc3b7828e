import type { Actor } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';

/** Org units are reference data: everyone logged in reads them; admins and the secretariat maintain them. */
export const orgUnitsPolicy = {
  assertCanWrite(actor: Actor) {
    if (actor.role !== 'admin' && actor.role !== 'secretariat')
      throw forbidden('Only admins and the secretariat maintain org units');
  },
};
