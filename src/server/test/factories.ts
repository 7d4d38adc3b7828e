import type { Db } from '../db/client.js';
import type { Services } from '../services.js';
import { dxFactories } from './factories/dx.js';
import { foundationFactories } from './factories/foundation.js';
import { inspectionFactories } from './factories/inspections.js';
import { monitoringFactories } from './factories/monitoring.js';

export { unique } from './factories/foundation.js';
export { enterpriseInputFor, newTaxCode } from './factories/dx.js';

/**
 * Factories for tests, one file per domain under `factories/`: unique data every call, so tests never depend on each
 * other. The directory and inspection ones insert directly (fast set-up); monitoring and DX ones go through the
 * services with contract-parsed input. What a test asserts goes through the API.
 */
export function factories(db: Db, services: Services) {
  const base = foundationFactories(db, services);
  const inspections = inspectionFactories(db, base);
  return {
    ...inspections,
    ...monitoringFactories(services, inspections),
    ...dxFactories(services, base),
  };
}
export type Factories = ReturnType<typeof factories>;
