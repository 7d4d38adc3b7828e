import type { InspectionStatus, TeamRole } from '../../../shared/domain.js';
import type { Actor } from '../../http/context.js';
import { allows, authorize } from '../../http/authorize.js';

export interface AttachmentScope {
  targetOrgUnitId: string;
  inspectionStatus: InspectionStatus;
  /** The caller's roles in the inspecting team. */
  teamRoles: TeamRole[];
  /** Set for follow-up evidence: the unit that must act on the follow-up. */
  followUpAddresseeOrgUnitId: string | null;
}

const inspectionFacts = (s: AttachmentScope) => ({
  orgUnitIds: [s.targetOrgUnitId],
  teamRoles: s.teamRoles,
  inspectionStatus: s.inspectionStatus,
});

/**
 * Adapter to the catalogue: an inspection's files are the team's working evidence (inspection.readWork: the
 * inspected unit only once the draft is shared, as in the workspace); follow-up evidence also under followUp.read.
 */
export const filesPolicy = {
  canViewAttachment(actor: Actor, s: AttachmentScope): boolean {
    if (allows(actor, 'inspection.readWork', inspectionFacts(s))) return true;
    return (
      !!s.followUpAddresseeOrgUnitId &&
      allows(actor, 'followUp.read', { orgUnitIds: [s.followUpAddresseeOrgUnitId, s.targetOrgUnitId] })
    );
  },
  assertCanViewAttachment(actor: Actor, s: AttachmentScope) {
    if (!filesPolicy.canViewAttachment(actor, s)) authorize(actor, 'inspection.readWork', inspectionFacts(s));
  },
};
