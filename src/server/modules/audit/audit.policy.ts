import type { Actor } from '../../http/context.js';
import { authorize } from '../../http/authorize.js';

export const auditPolicy = {
  assertCanRead: (actor: Actor) => authorize(actor, 'audit.read'),
};
