import type { Actor } from '../../http/context.js';
import { allows, authorize, listOrgUnit } from '../../http/authorize.js';

/** The org units a follow-up concerns: who must act on it, and whose inspection it came from. */
export interface FollowUpParties {
  addresseeOrgUnitId: string;
  targetOrgUnitId: string;
}

/** Adapter to the catalogue (followUp.*): a unit reads what concerns it, reports on what is addressed to it. */
export const followUpsPolicy = {
  /** The org unit lists and counts are limited to, or null for everything. */
  scopeOrgUnitId: (actor: Actor) => listOrgUnit(actor, 'followUp.read'),
  canRead: (actor: Actor, fu: FollowUpParties) =>
    allows(actor, 'followUp.read', { orgUnitIds: [fu.addresseeOrgUnitId, fu.targetOrgUnitId] }),
  canReport: (actor: Actor, fu: FollowUpParties) =>
    allows(actor, 'followUp.report', { orgUnitIds: [fu.addresseeOrgUnitId] }),
  canAccept: (actor: Actor) => allows(actor, 'followUp.accept'),
  assertCanRead: (actor: Actor, fu: FollowUpParties) =>
    authorize(actor, 'followUp.read', { orgUnitIds: [fu.addresseeOrgUnitId, fu.targetOrgUnitId] }),
  assertCanReport: (actor: Actor, fu: FollowUpParties) =>
    authorize(actor, 'followUp.report', { orgUnitIds: [fu.addresseeOrgUnitId] }),
  assertCanAccept: (actor: Actor) => authorize(actor, 'followUp.accept'),
};
