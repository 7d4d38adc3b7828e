import type { Actor } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';

/** The org units a follow-up concerns: who must act on it, and whose inspection it came from. */
export interface FollowUpParties {
  addresseeOrgUnitId: string;
  targetOrgUnitId: string;
}

const isStaff = (actor: Actor) => actor.role === 'admin' || actor.role === 'secretariat';

/**
 * Unit accounts see follow-ups addressed to their unit or arising from an inspection of it;
 * the secretariat accepts or returns reports; only the addressee unit (or the secretariat on its behalf) reports progress.
 */
export const followUpsPolicy = {
  /** The org unit lists and counts are limited to, or null for everything. */
  scopeOrgUnitId(actor: Actor): string | null {
    if (actor.role !== 'unit') return null;
    if (!actor.orgUnitId) throw forbidden('This unit account has no org unit');
    return actor.orgUnitId;
  },

  canRead: (actor: Actor, fu: FollowUpParties) =>
    actor.role !== 'unit' ||
    (!!actor.orgUnitId && (fu.addresseeOrgUnitId === actor.orgUnitId || fu.targetOrgUnitId === actor.orgUnitId)),

  canReport: (actor: Actor, fu: FollowUpParties) =>
    isStaff(actor) || (actor.role === 'unit' && !!actor.orgUnitId && fu.addresseeOrgUnitId === actor.orgUnitId),

  canAccept: (actor: Actor) => isStaff(actor),

  assertCanRead(actor: Actor, fu: FollowUpParties) {
    if (!followUpsPolicy.canRead(actor, fu)) throw forbidden('This follow-up concerns another unit');
  },
  assertCanReport(actor: Actor, fu: FollowUpParties) {
    if (!followUpsPolicy.canReport(actor, fu))
      throw forbidden('Only the addressee unit or the secretariat reports progress');
  },
  assertCanAccept(actor: Actor) {
    if (!followUpsPolicy.canAccept(actor)) throw forbidden('Only the secretariat accepts or returns follow-up reports');
  },
};
