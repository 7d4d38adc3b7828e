import type { Db } from '../../../db/client.js';
import { assessmentsHandler } from './assessments-import.js';
import { createBulkRepo } from './bulk.repo.js';
import { communeResolver } from './communes.js';
import { enterprisesHandler } from './enterprises-import.js';
import type { ImportKind } from './import.repo.js';
import type { ImportHandler } from './import.service.js';

/** Builds the handler for a kind of file, loading the lookups it needs (communes, VSIC divisions) once. */
export function createImportTools(db: Db) {
  const bulk = createBulkRepo();
  return {
    async handler(kind: ImportKind, opts: { isDemo?: boolean } = {}): Promise<ImportHandler> {
      if (kind === 'enterprises') {
        const divisions = await bulk.divisions(db);
        return enterprisesHandler({ bulk, resolve: communeResolver(await bulk.communes(db)), divisionSection: (d) => divisions.get(d), isDemo: opts.isDemo });
      }
      return assessmentsHandler({ db, bulk });
    },
  };
}
