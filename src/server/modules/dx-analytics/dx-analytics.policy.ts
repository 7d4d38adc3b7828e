import type { Actor } from '../../http/context.js';
import { allows, authorize } from '../../http/authorize.js';

/** City analytics (catalogue: dxAnalytics.read) and bulk imports (dxImport.run). */
export const dxAnalyticsPolicy = {
  canRead: (actor: Actor) => allows(actor, 'dxAnalytics.read'),
  canImport: (actor: Actor) => allows(actor, 'dxImport.run'),
  assertCanRead: (actor: Actor) => authorize(actor, 'dxAnalytics.read'),
  assertCanImport: (actor: Actor) => authorize(actor, 'dxImport.run'),
};
