import type { Actor } from '../../http/context.js';
import { DomainError } from '../../http/errors.js';
import { ErrorCode } from '../../../shared/errors.js';
import { reasonText } from '../../../shared/error-reasons.js';
import { allows, authorize } from '../../http/authorize.js';

const facts = (enterpriseId: string, own: string | null) => ({ enterpriseId, actorEnterpriseId: own });

/**
 * The fields that place an enterprise in its peer cell (sector; size class from employees, revenue and capital).
 * An enterprise that could move itself could sweep cells and compare; the secretariat changes them after checking.
 * Refused outright rather than held pending: nothing to store, confirm or expire, and the registry is the
 * secretariat's to keep anyway.
 */
export const CELL_FIELDS = ['sectorCode', 'employees', 'revenueVnd', 'capitalVnd'] as const;

/** Adapter from the registry to the catalogue (enterprise.*): `own` is the enterprise the account acts for. */
export const enterprisesPolicy = {
  canList: (actor: Actor) => allows(actor, 'enterprise.list'),
  canRead: (actor: Actor, enterpriseId: string, own: string | null) =>
    allows(actor, 'enterprise.read', facts(enterpriseId, own)),
  canEdit: (actor: Actor, enterpriseId: string, own: string | null) =>
    allows(actor, 'enterprise.edit', facts(enterpriseId, own)),
  canEditClassification: (actor: Actor) => allows(actor, 'enterprise.editClassification'),
  canResolveCommune: (actor: Actor) => allows(actor, 'enterprise.resolveCommune'),
  canManageAccounts: (actor: Actor) => allows(actor, 'enterprise.manageAccounts'),
  assertCanList: (actor: Actor) => authorize(actor, 'enterprise.list'),
  assertCanCreate: (actor: Actor) => authorize(actor, 'enterprise.create'),
  assertCanRead: (actor: Actor, enterpriseId: string, own: string | null) =>
    authorize(actor, 'enterprise.read', facts(enterpriseId, own)),
  assertCanEdit: (actor: Actor, enterpriseId: string, own: string | null) =>
    authorize(actor, 'enterprise.edit', facts(enterpriseId, own)),
  assertCanManageAccounts: (actor: Actor) => authorize(actor, 'enterprise.manageAccounts'),
  assertCanResolveCommune: (actor: Actor) => authorize(actor, 'enterprise.resolveCommune'),
  /** `changed`: the cell fields whose value a patch changes (catalogue: enterprise.editClassification). */
  assertCanChangeCellFields(actor: Actor, changed: readonly string[]) {
    if (!changed.length || allows(actor, 'enterprise.editClassification')) return;
    const reason = 'CLASSIFICATION_BY_SECRETARIAT' as const;
    const text = reasonText(reason, 'en');
    throw new DomainError(ErrorCode.FORBIDDEN, 403, text, {
      reason,
      issues: changed.map((f) => ({ field: `body.${f}`, code: reason, message: text })),
    });
  },
};
