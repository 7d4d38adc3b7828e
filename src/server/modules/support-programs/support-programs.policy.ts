import { allows, authorize, limitedTo } from '../../http/authorize.js';
import type { Actor } from '../../http/context.js';
import { notFound } from '../../http/errors.js';

/** Support programs (catalogue: supportProgram.*, supportEnrolment.read, supportImpact.read). */
export const supportProgramsPolicy = {
  canManage: (actor: Actor) => allows(actor, 'supportProgram.manage'),
  canReadEnrolments: (actor: Actor) => allows(actor, 'supportEnrolment.read'),
  canReadImpact: (actor: Actor) => allows(actor, 'supportImpact.read'),
  assertCanRead: (actor: Actor) => authorize(actor, 'supportProgram.read'),
  assertCanManage: (actor: Actor) => authorize(actor, 'supportProgram.manage'),
  assertCanReadImpact: (actor: Actor) => authorize(actor, 'supportImpact.read'),
  /** An enterprise account reads only its own firm's enrolments: another's is "not found", not "forbidden". */
  assertCanReadEnrolment(actor: Actor, enterpriseId: string, own: string | null) {
    if (!allows(actor, 'supportEnrolment.read', { enterpriseId, actorEnterpriseId: own })) {
      if (limitedTo(actor, 'supportEnrolment.read', 'ownEnterprise')) throw notFound('supportEnrolment');
      authorize(actor, 'supportEnrolment.read', { enterpriseId, actorEnterpriseId: own });
    }
  },
};
