import type { Actor } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';

/** Everyone logged in sees the dashboard; unit accounts see only the inspections of their own unit. */
export const dashboardPolicy = {
  inspectionScope(actor: Actor): string | null {
    if (actor.role !== 'unit') return null;
    if (!actor.orgUnitId) throw forbidden('This unit account has no org unit');
    return actor.orgUnitId;
  },
};
