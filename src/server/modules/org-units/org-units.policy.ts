import type { Actor } from '../../http/context.js';
import { authorize } from '../../http/authorize.js';

/** Org units are reference data: orgUnit.read to read, orgUnit.manage to maintain. */
export const orgUnitsPolicy = {
  assertCanRead: (actor: Actor) => authorize(actor, 'orgUnit.read'),
  assertCanWrite: (actor: Actor) => authorize(actor, 'orgUnit.manage'),
};
