import type { Actor } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';
import { canViewInspection } from '../inspections/inspections.service.js';

export interface AttachmentScope {
  targetOrgUnitId: string;
  /** Set for follow-up evidence: the unit that must act on the follow-up. */
  followUpAddresseeOrgUnitId: string | null;
}

export const filesPolicy = {
  /** Whoever may view the inspection, and for follow-up evidence also the unit the follow-up is addressed to. */
  canViewAttachment(actor: Actor, scope: AttachmentScope): boolean {
    if (canViewInspection(actor, { targetOrgUnitId: scope.targetOrgUnitId })) return true;
    return actor.role === 'unit' && !!actor.orgUnitId && actor.orgUnitId === scope.followUpAddresseeOrgUnitId;
  },
  assertCanViewAttachment(actor: Actor, scope: AttachmentScope) {
    if (!filesPolicy.canViewAttachment(actor, scope)) throw forbidden('You may not download this file');
  },
};
