import type { Db } from '../../../db/client.js';
import type { Services } from '../../../services.js';
import { createBulkRepo } from './bulk.repo.js';
import { communeResolver } from './communes.js';
import { assessmentsHandler } from './assessments-import.js';
import { enterprisesHandler } from './enterprises-import.js';
import type { ImportKind } from './import.repo.js';
import type { ImportHandler, ImportRun } from './import.service.js';

/** Builds the handler for a kind of file (loading the lookups it needs once) and runs the import. */
export function createImportTools(services: Pick<Services, 'dxImports'>, db: Db, opts: { isDemo?: boolean } = {}) {
  const bulk = createBulkRepo();
  async function handler(kind: ImportKind): Promise<ImportHandler> {
    if (kind === 'enterprises') return enterprisesHandler({ bulk, resolve: communeResolver(await bulk.communes(db)), isDemo: opts.isDemo });
    return assessmentsHandler({ bulk });
  }
  return {
    handler,
    async importFile(kind: ImportKind, run: ImportRun) {
      return services.dxImports.run(await handler(kind), run);
    },
  };
}
