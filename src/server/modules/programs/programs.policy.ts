import type { Actor } from '../../http/context.js';
import { authorize } from '../../http/authorize.js';

/** Programs: program.read, program.manage. */
export const programsPolicy = {
  assertCanRead: (actor: Actor) => authorize(actor, 'program.read'),
  assertCanWrite: (actor: Actor) => authorize(actor, 'program.manage'),
};
