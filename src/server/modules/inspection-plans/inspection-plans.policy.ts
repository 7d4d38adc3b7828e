import type { Actor } from '../../http/context.js';
import { allows, authorize } from '../../http/authorize.js';

/** Plans, teams and targets: read under plan.read, written under plan.manage. */
export const inspectionPlansPolicy = {
  assertCanRead: (actor: Actor) => authorize(actor, 'plan.read'),
  assertCanWrite: (actor: Actor) => authorize(actor, 'plan.manage'),
  canWrite: (actor: Actor) => allows(actor, 'plan.manage'),
};
