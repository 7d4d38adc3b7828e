import type { Actor } from '../../http/context.js';
import { allows, authorize } from '../../http/authorize.js';

const facts = (enterpriseId: string, own: string | null) => ({ enterpriseId, actorEnterpriseId: own });

/** Adapter from the registry to the catalogue (enterprise.*): `own` is the enterprise the account acts for. */
export const enterprisesPolicy = {
  canList: (actor: Actor) => allows(actor, 'enterprise.list'),
  canRead: (actor: Actor, enterpriseId: string, own: string | null) =>
    allows(actor, 'enterprise.read', facts(enterpriseId, own)),
  canEdit: (actor: Actor, enterpriseId: string, own: string | null) =>
    allows(actor, 'enterprise.edit', facts(enterpriseId, own)),
  assertCanList: (actor: Actor) => authorize(actor, 'enterprise.list'),
  assertCanCreate: (actor: Actor) => authorize(actor, 'enterprise.create'),
  assertCanRead: (actor: Actor, enterpriseId: string, own: string | null) =>
    authorize(actor, 'enterprise.read', facts(enterpriseId, own)),
  assertCanEdit: (actor: Actor, enterpriseId: string, own: string | null) =>
    authorize(actor, 'enterprise.edit', facts(enterpriseId, own)),
  assertCanManageAccounts: (actor: Actor) => authorize(actor, 'enterprise.manageAccounts'),
  assertCanResolveCommune: (actor: Actor) => authorize(actor, 'enterprise.resolveCommune'),
};
