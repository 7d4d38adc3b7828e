import type { Actor } from '../../http/context.js';
import { allows, authorize } from '../../http/authorize.js';

/** Indicators, targets and plans: read under monitoring.read, maintained under indicator.manage. */
export const indicatorsPolicy = {
  canWrite: (actor: Actor) => allows(actor, 'indicator.manage'),
  assertCanWrite: (actor: Actor) => authorize(actor, 'indicator.manage'),
};

/** Program monitoring as a whole (catalogue: monitoring.read); enterprise accounts have no part in it. */
export const assertMonitoringAccess = (actor: Actor) => authorize(actor, 'monitoring.read');
