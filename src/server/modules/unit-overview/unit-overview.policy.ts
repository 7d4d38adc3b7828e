import type { Actor } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';
import { isMonitoringStaff } from '../indicators/indicators.service.js';

/** A unit opens its own page only; finding links are made by the secretariat or an inspector who may edit the inspection. */
export const unitOverviewPolicy = {
  assertCanView(actor: Actor, orgUnitId: string) {
    if (actor.role === 'unit' && actor.orgUnitId !== orgUnitId) throw forbidden('A unit sees its own page only');
  },
  canLink: (actor: Actor, inspection: { canEdit: boolean }) =>
    isMonitoringStaff(actor) || (actor.role === 'inspector' && inspection.canEdit),
  assertCanLink(actor: Actor, inspection: { canEdit: boolean }) {
    if (!unitOverviewPolicy.canLink(actor, inspection))
      throw forbidden('Only the secretariat or the inspection team links findings');
  },
};
