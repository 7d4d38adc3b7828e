import type { Actor } from '../../http/context.js';
import { authorize } from '../../http/authorize.js';

export const usersPolicy = {
  assertCanManage: (actor: Actor) => authorize(actor, 'user.manage'),
};
