import type { Actor } from '../../http/context.js';
import { authorize } from '../../http/authorize.js';

export const notificationsPolicy = {
  /** one's own notifications and preferences: the rows are always the caller's own (by the session's user id) */
  assertSelf: (actor: Actor) => authorize(actor, 'notification.self'),
  assertCanReadSends: (actor: Actor) => authorize(actor, 'notificationSend.read'),
};
