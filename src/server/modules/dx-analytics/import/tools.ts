import { VSIC_VERSION } from '../../../../shared/contracts/enterprises.js';
import type { Db } from '../../../db/client.js';
import type { DxAssessmentsService } from '../../dx-assessments/dx-assessments.service.js';
import type { DxFrameworksService } from '../../dx-frameworks/dx-frameworks.service.js';
import type { EnterprisesService } from '../../enterprises/enterprises.service.js';
import { assessmentsHandler } from './assessments-import.js';
import { createBulkRepo } from './bulk.repo.js';
import { communeResolver } from './communes.js';
import { enterprisesHandler } from './enterprises-import.js';
import type { ImportKind } from './import.repo.js';
import type { ImportHandler } from './import.service.js';

/**
 * The services the importer writes through (the registry and the assessments own their tables) and reads its lookups
 * from (VSIC divisions from the registry, published versions from the frameworks).
 */
export interface ImportWriters {
  enterprises: EnterprisesService;
  dxAssessments: DxAssessmentsService;
  dxFrameworks: Pick<DxFrameworksService, 'publishedVersions'>;
}

/** Builds the handler for a kind of file, loading the lookups it needs (communes, VSIC divisions) once. */
export function createImportTools(db: Db, writers: ImportWriters) {
  const bulk = createBulkRepo();
  return {
    async handler(kind: ImportKind, opts: { isDemo?: boolean } = {}): Promise<ImportHandler> {
      if (kind === 'enterprises') {
        const divisions = new Map(
          (await writers.enterprises.listVsic(VSIC_VERSION, 2)).map((v) => [v.code, v.sectionCode]),
        );
        return enterprisesHandler({
          enterprises: writers.enterprises,
          resolve: communeResolver(await bulk.communes(db)),
          divisionSection: (d) => divisions.get(d),
          isDemo: opts.isDemo,
        });
      }
      return assessmentsHandler({
        db,
        frameworks: writers.dxFrameworks,
        enterprises: writers.enterprises,
        assessments: writers.dxAssessments,
      });
    },
  };
}
