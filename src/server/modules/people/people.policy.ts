import type { Actor } from '../../http/context.js';
import { authorize } from '../../http/authorize.js';

/** People: person.read (to pick team members), person.manage. */
export const peoplePolicy = {
  assertCanRead: (actor: Actor) => authorize(actor, 'person.read'),
  assertCanWrite: (actor: Actor) => authorize(actor, 'person.manage'),
};
