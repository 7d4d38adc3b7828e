import type { Actor } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';

/** Everyone logged in reads the dashboard; a unit account sees its own org unit's figures only. */
export const monitoringDashboardPolicy = {
  /** The org unit the dashboard is pinned to for this actor (its own for a unit account), or the one asked for. */
  scopeOrgUnitId(actor: Actor, asked: string | undefined): string | undefined {
    if (actor.role !== 'unit') return asked;
    if (!actor.orgUnitId || (asked && asked !== actor.orgUnitId))
      throw forbidden('A unit sees the dashboard of its own org unit');
    return actor.orgUnitId;
  },
};
