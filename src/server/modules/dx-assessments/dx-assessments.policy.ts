import type { Actor } from '../../http/context.js';
import { allows, authorize, listScope } from '../../http/authorize.js';
import { forbidden } from '../../http/errors.js';

const facts = (enterpriseId: string, own: string | null) => ({ enterpriseId, actorEnterpriseId: own });

/** Adapter from assessments to the catalogue (dxAssessment.*): `own` is the enterprise the account acts for. */
export const dxAssessmentsPolicy = {
  /** The enterprise lists are limited to, or null for all. */
  scopeEnterpriseId(actor: Actor, own: string | null): string | null {
    if (!('ownEnterprise' in listScope(actor, 'dxAssessment.read'))) return null;
    if (!own) throw forbidden('This enterprise account is not linked to an enterprise');
    return own;
  },
  canRead: (actor: Actor, enterpriseId: string, own: string | null) =>
    allows(actor, 'dxAssessment.read', facts(enterpriseId, own)),
  canAnswer: (actor: Actor, enterpriseId: string, own: string | null) =>
    allows(actor, 'dxAssessment.answer', facts(enterpriseId, own)),
  canReview: (actor: Actor) => allows(actor, 'dxAssessment.verify'),
  assertCanRead: (actor: Actor, enterpriseId: string, own: string | null) =>
    authorize(actor, 'dxAssessment.read', facts(enterpriseId, own)),
  assertCanAnswer: (actor: Actor, enterpriseId: string, own: string | null) =>
    authorize(actor, 'dxAssessment.answer', facts(enterpriseId, own)),
  assertCanReview: (actor: Actor) => authorize(actor, 'dxAssessment.verify'),
  assertCanOverrideApplicability: (actor: Actor) => authorize(actor, 'dxAssessment.overrideApplicability'),
};
