import type { Actor } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';

export const usersPolicy = {
  assertCanManage(actor: Actor) {
    if (actor.role !== 'admin') throw forbidden('Only admins manage user accounts');
  },
};
