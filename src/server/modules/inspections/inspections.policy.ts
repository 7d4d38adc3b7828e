import type { InspectionStatus, TeamRole } from '../../../shared/domain.js';
import type { Action, Facts } from '../../../shared/permissions.js';
import type { Actor } from '../../http/context.js';
import { allows, authorize } from '../../http/authorize.js';
import { invalidTransition, forbidden } from '../../http/errors.js';
import { authorityFor, type Authority } from './lifecycle.js';

/** What the policies need to know about an inspection and the actor's place in its team. */
export interface InspectionFacts {
  targetOrgUnitId: string;
  status: InspectionStatus;
  /** The actor's roles in the inspecting team (empty when not a member). */
  teamRoles: TeamRole[];
}

/** The catalogue's facts for an inspection. */
export const factsOf = (f: Partial<InspectionFacts> & Pick<InspectionFacts, 'targetOrgUnitId'>): Facts => ({
  orgUnitIds: [f.targetOrgUnitId],
  teamRoles: f.teamRoles ?? [],
  inspectionStatus: f.status,
});

/** The lifecycle's authorities (lifecycle.ts) as catalogue actions; `issue` moves go through the issue endpoint only. */
const actionOf: Record<Exclude<Authority, 'issue'>, Action> = {
  member: 'inspection.edit',
  lead: 'inspection.lead',
  staff: 'inspection.steer',
};

/** Adapter from inspections to the catalogue (inspection.*, conclusion.*): gathers facts, decides nothing itself. */
export const inspectionsPolicy = {
  canView: (actor: Actor, facts: Partial<InspectionFacts> & Pick<InspectionFacts, 'targetOrgUnitId'>) =>
    allows(actor, 'inspection.read', factsOf(facts)),
  /** The team's working content (assessments, evidence, findings): the inspected unit sees it once the draft is shared. */
  canReadWork: (actor: Actor, facts: InspectionFacts) => allows(actor, 'inspection.readWork', factsOf(facts)),
  canEdit: (actor: Actor, facts: InspectionFacts) => allows(actor, 'inspection.edit', factsOf(facts)),
  canIssue: (actor: Actor, facts: InspectionFacts) => allows(actor, 'conclusion.issue', factsOf(facts)),
  canCorrect: (actor: Actor, facts: InspectionFacts) => allows(actor, 'conclusion.issue', factsOf(facts)),
  canLink: (actor: Actor, facts: InspectionFacts) => allows(actor, 'findingLink.manage', factsOf(facts)),
  /** The target unit answers the draft conclusion while it is shared (drafting). */
  canRespond: (actor: Actor, facts: InspectionFacts) =>
    allows(actor, 'conclusion.respond', factsOf(facts)) && facts.status === 'drafting',
  /** A lifecycle move by this actor; false for moves the lifecycle does not have. */
  canTransition(actor: Actor, facts: InspectionFacts, to: InspectionStatus): boolean {
    const authority = authorityFor(facts.status, to);
    return authority !== null && authority !== 'issue' && allows(actor, actionOf[authority], factsOf(facts));
  },

  assertCanView: (actor: Actor, facts: Partial<InspectionFacts> & Pick<InspectionFacts, 'targetOrgUnitId'>) =>
    authorize(actor, 'inspection.read', factsOf(facts)),
  assertCanEdit: (actor: Actor, facts: InspectionFacts) => authorize(actor, 'inspection.edit', factsOf(facts)),
  assertCanIssue: (actor: Actor, facts: InspectionFacts) => authorize(actor, 'conclusion.issue', factsOf(facts)),
  assertCanCorrect: (actor: Actor, facts: InspectionFacts) => authorize(actor, 'conclusion.issue', factsOf(facts)),
  assertCanRespond: (actor: Actor, facts: InspectionFacts) => authorize(actor, 'conclusion.respond', factsOf(facts)),
  /** 409 for a move the lifecycle lacks (or one only the issue endpoint makes), 403 for a move this actor may not make. */
  assertCanTransition(actor: Actor, facts: InspectionFacts, to: InspectionStatus) {
    const authority = authorityFor(facts.status, to);
    if (authority === null || authority === 'issue') throw invalidTransition(facts.status, to);
    if (!allows(actor, actionOf[authority], factsOf(facts)))
      throw forbidden(`You may not move this inspection to ${to}`);
  },
};
