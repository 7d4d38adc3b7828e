import type { Actor } from '../../http/context.js';
import { listScope } from '../../http/authorize.js';
import { forbidden } from '../../http/errors.js';
import type { InspectionScope } from './dashboard.repo.js';

/** The dashboard counts what the caller may read (inspection.read): a unit its own, an inspector its teams'. */
export const dashboardPolicy = {
  inspectionScope(actor: Actor): InspectionScope {
    const s = listScope(actor, 'inspection.read');
    if ('team' in s) return { teamPersonId: actor.personId };
    if ('orgUnitId' in s) return s;
    if ('all' in s) return s;
    throw forbidden();
  },
};
