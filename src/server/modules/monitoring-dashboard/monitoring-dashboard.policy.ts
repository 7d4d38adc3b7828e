import type { Actor } from '../../http/context.js';
import { listScope } from '../../http/authorize.js';
import { forbidden } from '../../http/errors.js';

/** The monitoring dashboard reads what unitOverview.read allows: a unit its own org unit's figures only. */
export const monitoringDashboardPolicy = {
  /** The org unit the dashboard is pinned to for this actor (its own for a unit account), or the one asked for. */
  scopeOrgUnitId(actor: Actor, asked: string | undefined): string | undefined {
    const scope = listScope(actor, 'unitOverview.read');
    if (!('orgUnitId' in scope)) return asked;
    if (asked && asked !== scope.orgUnitId) throw forbidden('A unit sees the dashboard of its own org unit');
    return scope.orgUnitId;
  },
};
