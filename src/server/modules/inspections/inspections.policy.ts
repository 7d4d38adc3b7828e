import type { InspectionStatus, TeamRole } from '../../../shared/domain.js';
import type { Actor } from '../../http/context.js';
import { forbidden, invalidTransition } from '../../http/errors.js';
import { authorityFor, type Authority } from './lifecycle.js';

/** What the policies need to know about an inspection and the actor's place in its team. */
export interface InspectionFacts {
  targetOrgUnitId: string;
  status: InspectionStatus;
  /** The actor's roles in the inspecting team (empty when not a member). */
  teamRoles: TeamRole[];
}

const isStaff = (a: Actor) => a.role === 'admin' || a.role === 'secretariat';
const isMember = (a: Actor, f: InspectionFacts) => a.role === 'inspector' && f.teamRoles.length > 0;
const isLead = (a: Actor, f: InspectionFacts) =>
  a.role === 'inspector' && f.teamRoles.some((r) => r === 'head' || r === 'deputyHead');
const isHead = (a: Actor, f: InspectionFacts) => a.role === 'inspector' && f.teamRoles.includes('head');

function hasAuthority(actor: Actor, facts: InspectionFacts, authority: Authority): boolean {
  switch (authority) {
    case 'member':
      return isStaff(actor) || isMember(actor, facts);
    case 'lead':
      return isStaff(actor) || isLead(actor, facts);
    case 'staff':
      return isStaff(actor);
    case 'issue':
      return false;
  }
}

export const inspectionsPolicy = {
  /** `unit` users see only inspections of their own unit; every other role reads all. */
  canView(actor: Actor, facts: Pick<InspectionFacts, 'targetOrgUnitId'>): boolean {
    return actor.role !== 'unit' || (!!actor.orgUnitId && actor.orgUnitId === facts.targetOrgUnitId);
  },
  /** The team's working content (assessments, evidence, findings): the inspected unit sees it once the draft is shared. */
  canReadWork: (actor: Actor, facts: InspectionFacts) =>
    actor.role !== 'unit' || !['planned', 'notified', 'in_progress'].includes(facts.status),
  /** Assessments, evidence and findings: the secretariat and the members of the team (the status is checked apart). */
  canEdit: (actor: Actor, facts: InspectionFacts) => isStaff(actor) || isMember(actor, facts),
  canIssue: (actor: Actor, facts: InspectionFacts) => isStaff(actor) || isHead(actor, facts),
  canCorrect: (actor: Actor, facts: InspectionFacts) => isStaff(actor) || isHead(actor, facts),
  /** The target unit answers the draft conclusion while it is shared (drafting). */
  canRespond: (actor: Actor, facts: InspectionFacts) =>
    actor.role === 'unit' && actor.orgUnitId === facts.targetOrgUnitId && facts.status === 'drafting',
  /** A lifecycle move by this actor; false for moves the lifecycle does not have. */
  canTransition(actor: Actor, facts: InspectionFacts, to: InspectionStatus): boolean {
    const authority = authorityFor(facts.status, to);
    return authority !== null && hasAuthority(actor, facts, authority);
  },

  assertCanView(actor: Actor, facts: Pick<InspectionFacts, 'targetOrgUnitId'>) {
    if (!inspectionsPolicy.canView(actor, facts)) throw forbidden('This inspection is not of your unit');
  },
  assertCanEdit(actor: Actor, facts: InspectionFacts) {
    if (!inspectionsPolicy.canEdit(actor, facts))
      throw forbidden('Only the team and the secretariat edit this inspection');
  },
  assertCanIssue(actor: Actor, facts: InspectionFacts) {
    if (!inspectionsPolicy.canIssue(actor, facts))
      throw forbidden('Only the team head and the secretariat issue the conclusion');
  },
  assertCanCorrect(actor: Actor, facts: InspectionFacts) {
    if (!inspectionsPolicy.canCorrect(actor, facts))
      throw forbidden('Only the team head and the secretariat correct the conclusion');
  },
  assertCanRespond(actor: Actor, facts: InspectionFacts) {
    if (actor.role !== 'unit' || actor.orgUnitId !== facts.targetOrgUnitId)
      throw forbidden('Only the inspected unit responds');
  },
  /** 409 for a move the lifecycle lacks (or one only the issue endpoint makes), 403 for a move this actor may not make. */
  assertCanTransition(actor: Actor, facts: InspectionFacts, to: InspectionStatus) {
    const authority = authorityFor(facts.status, to);
    if (authority === null || authority === 'issue') throw invalidTransition(facts.status, to);
    if (!hasAuthority(actor, facts, authority)) throw forbidden(`You may not move this inspection to ${to}`);
  },
};
