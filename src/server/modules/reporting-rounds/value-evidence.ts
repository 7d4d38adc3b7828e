import type { MonitoringFile } from '../../../shared/contracts/program-tasks.js';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../http/context.js';
import { immutable, invalid, notFound } from '../../http/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { FilesService } from '../files/files.service.js';
import { reportingPolicy } from './reporting.policy.js';
import type { ReportingRoundsRepo, RoundRow } from './reporting-rounds.repo.js';

type EvidenceRow = Awaited<ReturnType<FilesService['reportEvidence']>>[number];
export const toFile = ({ indicatorId: _i, ...f }: EvidenceRow): MonitoringFile => f;

/**
 * Evidence attached to one indicator value of a unit's report (the blob stored once by the files module, type
 * sniffed, size-limited by the upload reader). Only the owning unit attaches, while the report is a draft or
 * returned; whoever may read the report lists and downloads (`/api/monitoring-files/:id`).
 */
export function createValueEvidence({
  db,
  repo,
  audit,
  files,
  indicatorIdsOf,
}: {
  db: Db;
  repo: ReportingRoundsRepo;
  audit: AuditService;
  files: FilesService;
  /** the indicators the report asks for in its round: evidence may only sit on one of those */
  indicatorIdsOf: (tx: DbOrTx, round: RoundRow, orgUnitId: string) => Promise<string[]>;
}) {
  async function load(tx: DbOrTx, roundId: string, orgUnitId: string, indicatorId: string, lock = false) {
    const hit = await repo.getRound(tx, roundId);
    if (!hit) throw notFound('reportingRound', roundId);
    const report = await repo.report(tx, roundId, orgUnitId, lock);
    if (!report) throw notFound('report', `${roundId}/${orgUnitId}`);
    if (!(await indicatorIdsOf(tx, hit.row, orgUnitId)).includes(indicatorId)) {
      throw invalid([{ field: 'params.indicatorId', reason: 'NOT_REPORT_INDICATOR' }]);
    }
    return report;
  }

  async function listValueEvidence(
    actor: Actor,
    roundId: string,
    orgUnitId: string,
    indicatorId: string,
  ): Promise<MonitoringFile[]> {
    reportingPolicy.assertCanRead(actor, orgUnitId);
    const report = await load(db, roundId, orgUnitId, indicatorId);
    return (await files.reportEvidence(report.id, indicatorId)).map(toFile);
  }

  return {
    listValueEvidence,
    assertCanAttachValueEvidence: (actor: Actor, orgUnitId: string) =>
      reportingPolicy.assertCanAttachValueEvidence(actor, orgUnitId),
    async addValueEvidence(
      actor: Actor,
      roundId: string,
      orgUnitId: string,
      indicatorId: string,
      upload: { bytes: Uint8Array; fileName: string },
    ) {
      reportingPolicy.assertCanAttachValueEvidence(actor, orgUnitId);
      await db.transaction(async (tx) => {
        const report = await load(tx, roundId, orgUnitId, indicatorId, true);
        if (report.status === 'approved' || report.status === 'submitted') {
          throw immutable('EVIDENCE_WHILE_DRAFT', {
            reportId: report.id,
            status: report.status,
          });
        }
        const blob = await files.store(tx, upload);
        const row = await files.addMonitoringAttachment(tx, {
          reportId: report.id,
          indicatorId,
          fileName: upload.fileName,
          ...blob,
          uploadedBy: actor.id,
        });
        await audit.record(tx, actor, {
          action: 'upload',
          entityType: 'monitoringAttachment',
          entityId: row.id,
          after: row,
        });
      });
      return listValueEvidence(actor, roundId, orgUnitId, indicatorId);
    },
  };
}
