import type { Actor } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';

const isStaff = (actor: Actor) => actor.role === 'admin' || actor.role === 'secretariat';
const isOwn = (actor: Actor, enterpriseId: string, own: string | null) =>
  actor.role === 'enterprise' && !!own && own === enterpriseId;

/**
 * An enterprise account starts, answers, submits and reads its own enterprise's assessments only; the
 * secretariat reads all, verifies or returns them (and may answer on an enterprise's behalf); viewers read all.
 */
export const dxAssessmentsPolicy = {
  /** The enterprise lists are limited to, or null for all. */
  scopeEnterpriseId(actor: Actor, own: string | null): string | null {
    if (actor.role === 'enterprise') {
      if (!own) throw forbidden('This enterprise account is not linked to an enterprise');
      return own;
    }
    if (!isStaff(actor) && actor.role !== 'viewer')
      throw forbidden('Only enterprises, the secretariat and viewers see assessments');
    return null;
  },
  canRead: (actor: Actor, enterpriseId: string, own: string | null) =>
    isStaff(actor) || actor.role === 'viewer' || isOwn(actor, enterpriseId, own),
  canAnswer: (actor: Actor, enterpriseId: string, own: string | null) =>
    isStaff(actor) || isOwn(actor, enterpriseId, own),
  canReview: (actor: Actor) => isStaff(actor),

  assertCanRead(actor: Actor, enterpriseId: string, own: string | null) {
    if (!dxAssessmentsPolicy.canRead(actor, enterpriseId, own))
      throw forbidden('This assessment belongs to another enterprise');
  },
  assertCanAnswer(actor: Actor, enterpriseId: string, own: string | null) {
    if (!dxAssessmentsPolicy.canAnswer(actor, enterpriseId, own))
      throw forbidden('Only the enterprise itself (or the secretariat) answers its assessment');
  },
  assertCanReview(actor: Actor) {
    if (!dxAssessmentsPolicy.canReview(actor)) throw forbidden('Only the secretariat verifies or returns assessments');
  },
};
