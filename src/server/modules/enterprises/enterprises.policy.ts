import type { Actor } from '../../http/context.js';
import { DomainError, forbidden } from '../../http/errors.js';
import { ErrorCode } from '../../../shared/errors.js';

const isStaff = (actor: Actor) => actor.role === 'admin' || actor.role === 'secretariat';

/**
 * The fields that place an enterprise in its peer cell (sector; size class from employees, revenue and capital).
 * An enterprise that could move itself could sweep cells and compare; the secretariat changes them after checking.
 * Refused outright rather than held pending: nothing to store, confirm or expire, and the registry is the
 * secretariat's to keep anyway.
 */
export const CELL_FIELDS = ['sectorCode', 'employees', 'revenueVnd', 'capitalVnd'] as const;

/**
 * The secretariat keeps the registry; viewers read it; an enterprise account sees and edits only the
 * enterprise it acts for (`ownEnterpriseId`). Other roles have no business with enterprises.
 */
export const enterprisesPolicy = {
  canList: (actor: Actor) => isStaff(actor) || actor.role === 'viewer',
  canRead: (actor: Actor, enterpriseId: string, ownEnterpriseId: string | null) =>
    enterprisesPolicy.canList(actor) || (actor.role === 'enterprise' && ownEnterpriseId === enterpriseId),
  canEdit: (actor: Actor, enterpriseId: string, ownEnterpriseId: string | null) =>
    isStaff(actor) || (actor.role === 'enterprise' && ownEnterpriseId === enterpriseId),

  assertCanList(actor: Actor) {
    if (!enterprisesPolicy.canList(actor)) throw forbidden('Only the secretariat and viewers list enterprises');
  },
  assertCanCreate(actor: Actor) {
    if (!isStaff(actor)) throw forbidden('Only the secretariat registers enterprises');
  },
  assertCanRead(actor: Actor, enterpriseId: string, ownEnterpriseId: string | null) {
    if (!enterprisesPolicy.canRead(actor, enterpriseId, ownEnterpriseId)) throw forbidden('This is another enterprise');
  },
  assertCanEdit(actor: Actor, enterpriseId: string, ownEnterpriseId: string | null) {
    if (!enterprisesPolicy.canEdit(actor, enterpriseId, ownEnterpriseId))
      throw forbidden('You may not change this enterprise');
  },
  /** `changed`: the cell fields whose value a patch changes. Only staff change them. */
  assertCanChangeCellFields(actor: Actor, changed: readonly string[]) {
    if (!changed.length || isStaff(actor)) return;
    throw new DomainError(
      ErrorCode.FORBIDDEN,
      403,
      'Sector, employees, revenue and capital are changed by the secretariat, after checking',
      { issues: changed.map((f) => ({ field: `body.${f}`, message: 'changed by the secretariat only' })) },
    );
  },
  /** Which account acts for which enterprise is the secretariat's to see and change. */
  assertCanManageAccounts(actor: Actor) {
    if (!isStaff(actor)) throw forbidden('Only the secretariat links enterprise accounts');
  },
  /** Resolving a split commune is an officer's decision, never the enterprise's own. */
  assertCanResolveCommune(actor: Actor) {
    if (!isStaff(actor)) throw forbidden('Only the secretariat resolves communes');
  },
};
