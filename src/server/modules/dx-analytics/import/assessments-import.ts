import type { Db, DbOrTx } from '../../../db/client.js';
import type { AssessmentImportRow } from '../../dx-assessments/dx-assessments.service.js';
import type { DxAssessmentsService } from '../../dx-assessments/dx-assessments.service.js';
import type { DxFrameworksService } from '../../dx-frameworks/dx-frameworks.service.js';
import type { EnterprisesService } from '../../enterprises/enterprises.service.js';
import { applyRollupDeltas, type RollupDelta } from '../rollup.repo.js';
import {
  assessmentBaseColumns,
  type PrepareState,
  type PreparedBatch,
  prepareRange,
  type Version,
  versionsFrom,
} from './assessments-prepare.js';
import type { ImportHandler } from './import.service.js';
import type { SourceRow } from './rows.js';
import { applicabilityReason } from '../../../../shared/dx/applicability.js';
import { toRowIssue } from '../../../http/errors.js';

export { assessmentBaseColumns };

// hand the event loop back this often while preparing, so the previous batch's queries keep moving: every statement
// of the batch being written (and every drain of its COPY stream) waits for the next yield, so at 100 rows (~6 ms)
// a batch's dozen round trips and its COPY's socket writes queued behind preparation; 10 rows is ~0.6 ms
const YIELD_EVERY = 10;
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

export function assessmentsHandler({
  db,
  frameworks,
  enterprises,
  assessments,
}: {
  db: Db;
  frameworks: Pick<DxFrameworksService, 'publishedVersions'>;
  enterprises: EnterprisesService;
  assessments: DxAssessmentsService;
}): ImportHandler<PreparedBatch> {
  let versions: Promise<Map<string, Version>> | null = null;
  // statistics refreshed each time this import has quadrupled what it wrote (log₄ n times in all; no autovacuum on
  // PGlite). In between, the planner scales the row count it knows by the table's current size, so the key lookup
  // stays an index probe; what mattered was the first refresh (an empty table looks like 10 pages). Doubling cost
  // 16-26 µs a row at 100,000 (each analyze of a large table samples 30,000 pages).
  let written = 0;
  let analyzeAt = 1000;

  return {
    kind: 'assessments',
    requiredColumns: [...assessmentBaseColumns],

    /** Validation, scoring and serialisation: CPU only, outside the transaction, while the previous batch commits. */
    async prepare(rows: SourceRow[]): Promise<PreparedBatch> {
      versions ??= frameworks
        .publishedVersions(db)
        .then(versionsFrom)
        .catch((e) => {
          versions = null;
          throw e;
        });
      const byCode = await versions;
      // the same assessment twice in a batch: the later row wins, as it would across batches
      const state: PrepareState = { scored: new Map(), errors: [] };
      for (let from = 0; from < rows.length; from += YIELD_EVERY) {
        prepareRange(byCode, rows, from, Math.min(rows.length, from + YIELD_EVERY), state);
        await tick();
      }
      return { rows: [...state.scored.values()], errors: state.errors, count: rows.length };
    },

    /** Inside the batch's transaction: enterprises looked up, assessments written, rollup moved. */
    async write(tx: DbOrTx, batch) {
      const errors = [...batch.errors];
      const ents = new Map(
        (await enterprises.byTaxCodes(tx, [...new Set(batch.rows.map((p) => p.taxCode))])).map((e) => [e.taxCode, e]),
      );
      const writes: (AssessmentImportRow & { row: number })[] = [];
      const defs = new Map(
        [...(await (versions ?? Promise.resolve(new Map<string, Version>()))).values()].map((v) => [v.id, v.def]),
      );
      for (const p of batch.rows) {
        const e = ents.get(p.taxCode);
        if (!e) {
          errors.push(toRowIssue(p.row, { field: 'taxCode', reason: 'IMPORT_NO_ENTERPRISE' }));
          continue;
        }
        // a framework not meant for this firm (size class, sector): the row is refused, as the start refuses it
        const def = defs.get(p.frameworkVersionId);
        const notFor = def && applicabilityReason(def, e);
        if (notFor) {
          errors.push(toRowIssue(p.row, { field: 'frameworkCode', reason: notFor.reason, params: notFor.params }));
          continue;
        }
        writes.push({
          ...p,
          enterpriseId: e.id,
          communeId: e.currentCommuneId,
          sectorCode: e.sectorCode,
          sizeClass: e.sizeClass,
        });
      }
      if (written >= analyzeAt) {
        await assessments.refreshStatistics(tx);
        analyzeAt = written * 4;
      }
      const { replaced, refused } = await assessments.writeImported(tx, writes);
      written += writes.length;
      // as the assessments service's recordImported: an import never overwrites an assessment entered on the web
      for (const w of refused) {
        errors.push(toRowIssue(w.row, { field: 'year', reason: 'IMPORT_ENTERED_ON_WEB' }));
      }
      const refusedSet = new Set(refused);
      const deltas: RollupDelta[] = replaced.flatMap((facts) => (facts ? [{ facts, sign: -1 }] : []));
      for (const w of writes) {
        if (refusedSet.has(w)) continue;
        deltas.push({
          facts: {
            frameworkVersionId: w.frameworkVersionId,
            year: w.year,
            communeId: w.communeId,
            sectorCode: w.sectorCode,
            sizeClass: w.sizeClass,
            overallLevel: w.overallLevel,
            totalScore: w.totalScore,
            pillarScores: w.pillarScores,
          },
          sign: 1,
        });
      }
      await applyRollupDeltas(tx, deltas);
      return { ok: batch.count - new Set(errors.map((e) => e.row)).size, errors };
    },
  };
}
