import type { Actor } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';
import { isMonitoringStaff } from '../indicators/indicators.service.js';

/**
 * A unit account reads and acts only on its own org unit's reports; the secretariat opens rounds, approves or
 * returns reports and may enter data on a unit's behalf; viewers and inspectors read.
 */
export const reportingPolicy = {
  scopeOrgUnitId(actor: Actor): string | null {
    if (actor.role !== 'unit') return null;
    if (!actor.orgUnitId) throw forbidden('This unit account has no org unit');
    return actor.orgUnitId;
  },
  canRead: (actor: Actor, orgUnitId: string) => actor.role !== 'unit' || actor.orgUnitId === orgUnitId,
  canEdit: (actor: Actor, orgUnitId: string) =>
    isMonitoringStaff(actor) || (actor.role === 'unit' && actor.orgUnitId === orgUnitId),
  canReview: isMonitoringStaff,
  // evidence for one value is the reporting unit's own proof of its figure; the secretariat reads it, it does not supply it
  canAttachValueEvidence: (actor: Actor, orgUnitId: string) => actor.role === 'unit' && actor.orgUnitId === orgUnitId,
  canOpenRounds: isMonitoringStaff,
  assertCanRead(actor: Actor, orgUnitId: string) {
    if (!reportingPolicy.canRead(actor, orgUnitId)) throw forbidden('This report belongs to another unit');
  },
  assertCanEdit(actor: Actor, orgUnitId: string) {
    if (!reportingPolicy.canEdit(actor, orgUnitId)) throw forbidden('A unit reports only for its own org unit');
  },
  assertCanAttachValueEvidence(actor: Actor, orgUnitId: string) {
    if (!reportingPolicy.canAttachValueEvidence(actor, orgUnitId))
      throw forbidden('Only the unit that owns the report attaches evidence to its values');
  },
  assertCanReview(actor: Actor) {
    if (!reportingPolicy.canReview(actor)) throw forbidden('Only the secretariat approves or returns reports');
  },
  assertCanOpenRounds(actor: Actor | null) {
    if (actor && !isMonitoringStaff(actor)) throw forbidden('Only admins and the secretariat open reporting rounds');
  },
};
