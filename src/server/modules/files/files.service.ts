import { sha256Hex } from '../../lib/hash.js';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import { unsupportedFileType } from './files.errors.js';
import { filesPolicy, type AttachmentScope } from './files.policy.js';
import { createFilesRepo, type NewMonitoringAttachment } from './files.repo.js';
import { sniffFileType } from './sniff.js';

export interface AttachInput {
  inspectionId: string;
  contentAreaId?: string | null;
  followUpId?: string | null;
  sha256: string;
  fileName: string;
  mimeType: string;
  size: number;
}

/**
 * What decides who may see an inspection's or a follow-up's file, asked of the modules that own those (wired in
 * services.ts: both of them store their files here, so they cannot be this service's dependencies).
 */
export interface EvidenceScopePort {
  /** the inspection's target unit and status, and the person's roles in its team; undefined when it is gone */
  inspection(
    db: DbOrTx,
    inspectionId: string,
    personId: string | null,
  ): Promise<Omit<AttachmentScope, 'followUpAddresseeOrgUnitId'> | undefined>;
  /** the unit that must act on the follow-up */
  followUpAddressee(db: DbOrTx, followUpId: string): Promise<string | undefined>;
}

/** Evidence files: content-addressed blobs plus attachment rows that place them on an inspection or follow-up. */
export function createFilesService({ db, audit, scope }: { db: Db; audit: AuditService; scope: EvidenceScopePort }) {
  const repo = createFilesRepo();
  return {
    /** Stores the bytes once per content (SHA-256); rejects types other than the accepted ones (415). */
    async store(tx: DbOrTx, { bytes, fileName }: { bytes: Uint8Array; fileName: string }) {
      const type = sniffFileType(bytes, fileName);
      if (!type) throw unsupportedFileType();
      const sha256 = sha256Hex(bytes);
      await repo.insertBlob(tx, { sha256, size: bytes.length, mimeType: type.mimeType, data: bytes });
      return { sha256, mimeType: type.mimeType, size: bytes.length };
    },

    async attach(tx: DbOrTx, actor: Actor, input: AttachInput) {
      const row = await repo.insertAttachment(tx, {
        inspectionId: input.inspectionId,
        contentAreaId: input.contentAreaId ?? null,
        followUpId: input.followUpId ?? null,
        sha256: input.sha256,
        fileName: input.fileName,
        mimeType: input.mimeType,
        size: input.size,
        uploadedBy: actor.id,
      });
      await audit.record(tx, actor, { action: 'upload', entityType: 'attachment', entityId: row.id, after: row });
      return row;
    },

    getAttachment: (id: string) => repo.getAttachment(db, id),
    readBlob: (sha256: string) => repo.readBlob(db, sha256),
    listForInspection: (inspectionId: string) => repo.listForInspection(db, inspectionId),

    /** Removes the attachment row; the blob stays (other attachments may share it, and audit keeps its hash). */
    async deleteAttachment(tx: DbOrTx, actor: Actor, id: string) {
      const row = await repo.getAttachment(tx, id);
      if (!row) throw notFound('attachment', id);
      await repo.deleteAttachment(tx, id);
      await audit.record(tx, actor, { action: 'delete', entityType: 'attachment', entityId: id, before: row });
    },

    // Monitoring evidence (a unit report's, one of its values', or a task's): the caller checks permissions and
    // records the audit event in its own transaction.
    addMonitoringAttachment: (tx: DbOrTx, v: NewMonitoringAttachment) => repo.insertMonitoringAttachment(tx, v),
    getMonitoringAttachment: (id: string) => repo.getMonitoringAttachment(db, id),
    taskEvidence: (taskId: string, tx: DbOrTx = db) => repo.taskEvidence(tx, taskId),
    reportEvidence: (reportId: string, indicatorId?: string, tx: DbOrTx = db) =>
      repo.reportEvidence(tx, reportId, indicatorId),

    /** Does any of these inspections hold an evidence file? */
    followUpEvidence: (followUpId: string, tx: DbOrTx = db) => repo.followUpEvidence(tx, followUpId),
    hasEvidence: (tx: DbOrTx, inspectionIds: string[]) => repo.anyForInspections(tx, inspectionIds),
    contentAreasWithEvidence: (tx: DbOrTx, ids: string[]) => repo.contentAreasWithEvidence(tx, ids),

    /** The file for a download, after the permission check. */
    async download(actor: Actor, id: string) {
      const attachment = await repo.getAttachment(db, id);
      const inspection = attachment && (await scope.inspection(db, attachment.inspectionId, actor.personId));
      if (!attachment || !inspection) throw notFound('attachment', id);
      const followUpAddresseeOrgUnitId = attachment.followUpId
        ? ((await scope.followUpAddressee(db, attachment.followUpId)) ?? null)
        : null;
      filesPolicy.assertCanViewAttachment(actor, { ...inspection, followUpAddresseeOrgUnitId });
      const blob = await repo.readBlob(db, attachment.sha256);
      if (!blob) throw notFound('file', attachment.sha256);
      return { attachment, data: Buffer.from(blob.data) };
    },
  };
}
export type FilesService = ReturnType<typeof createFilesService>;

// files' helpers for the other modules: reading an upload, naming a download, telling a file's type
export { attachmentDisposition } from './disposition.js';
export { unsupportedFileType } from './files.errors.js';
export { sniffFileType } from './sniff.js';
export { openUpload, readUpload, uploadError } from './upload.js';
export { assertZipWithin, OFFICE_UPLOAD_LIMITS, type ZipLimits } from './zip-limits.js';
