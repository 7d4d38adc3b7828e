import type { Actor } from '../../http/context.js';
import { allows, authorize, listOrgUnit } from '../../http/authorize.js';

const of = (orgUnitId: string) => ({ orgUnitIds: [orgUnitId] });

/** Adapter to the catalogue (unitReport.*, round.*): `orgUnitId` is the unit the report belongs to. */
export const reportingPolicy = {
  scopeOrgUnitId: (actor: Actor) => listOrgUnit(actor, 'unitReport.read'),
  canRead: (actor: Actor, orgUnitId: string) => allows(actor, 'unitReport.read', of(orgUnitId)),
  canEdit: (actor: Actor, orgUnitId: string) => allows(actor, 'unitReport.submit', of(orgUnitId)),
  canReview: (actor: Actor) => allows(actor, 'unitReport.review'),
  canAttachValueEvidence: (actor: Actor, orgUnitId: string) =>
    allows(actor, 'unitReport.attachEvidence', of(orgUnitId)),
  canOpenRounds: (actor: Actor) => allows(actor, 'round.manage'),
  canReadRoundSummary: (actor: Actor) => allows(actor, 'round.summary'),
  assertCanRead: (actor: Actor, orgUnitId: string) => authorize(actor, 'unitReport.read', of(orgUnitId)),
  assertCanEdit: (actor: Actor, orgUnitId: string) => authorize(actor, 'unitReport.submit', of(orgUnitId)),
  assertCanAttachValueEvidence: (actor: Actor, orgUnitId: string) =>
    authorize(actor, 'unitReport.attachEvidence', of(orgUnitId)),
  assertCanReview: (actor: Actor) => authorize(actor, 'unitReport.review'),
  assertCanOpenRounds: (actor: Actor) => authorize(actor, 'round.manage'),
};
