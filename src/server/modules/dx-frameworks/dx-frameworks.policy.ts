import type { Actor } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';

/**
 * Published frameworks are public to every account (enterprises score what-ifs against them);
 * drafts are seen by the secretariat; only admins import and publish.
 */
export const dxFrameworksPolicy = {
  canSeeDrafts: (actor: Actor) => actor.role === 'admin' || actor.role === 'secretariat',
  assertCanSeeDrafts(actor: Actor) {
    if (!dxFrameworksPolicy.canSeeDrafts(actor)) throw forbidden('Only the secretariat sees draft framework versions');
  },
  assertCanManage(actor: Actor) {
    if (actor.role !== 'admin') throw forbidden('Only administrators import and publish frameworks');
  },
};
