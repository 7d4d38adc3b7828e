import type { Actor } from '../../http/context.js';
import { allows, authorize, listScope } from '../../http/authorize.js';
import type { TeamRole } from '../../../shared/domain.js';

interface InspectionTeam {
  team: { members: { personId: string; role: TeamRole }[] };
}
const teamRoles = (actor: Actor, i: InspectionTeam) =>
  i.team.members.filter((m) => !!actor.personId && m.personId === actor.personId).map((m) => m.role);

/** A unit opens its own page only (unitOverview.read); finding links need findingLink.manage on the inspection. */
export const unitOverviewPolicy = {
  assertCanView: (actor: Actor, orgUnitId: string) =>
    authorize(actor, 'unitOverview.read', { orgUnitIds: [orgUnitId] }),
  /** Links across every inspection are listed only to who reads every inspection. */
  readsAllLinks: (actor: Actor) => 'all' in listScope(actor, 'inspection.read'),
  canLink: (actor: Actor, inspection: InspectionTeam) =>
    allows(actor, 'findingLink.manage', { teamRoles: teamRoles(actor, inspection) }),
  assertCanLink: (actor: Actor, inspection: InspectionTeam) =>
    authorize(actor, 'findingLink.manage', { teamRoles: teamRoles(actor, inspection) }),
};
