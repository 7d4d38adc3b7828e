import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { attachments, fileBlobs, monitoringAttachments, users } from '../../db/schema/index.js';

export type AttachmentRow = typeof attachments.$inferSelect;
export type NewAttachment = typeof attachments.$inferInsert;
export type MonitoringAttachmentRow = typeof monitoringAttachments.$inferSelect;
export type NewMonitoringAttachment = typeof monitoringAttachments.$inferInsert;

export function createFilesRepo() {
  return {
    async insertBlob(db: DbOrTx, blob: typeof fileBlobs.$inferInsert) {
      await db.insert(fileBlobs).values(blob).onConflictDoNothing({ target: fileBlobs.sha256 });
    },
    async readBlob(db: DbOrTx, sha256: string) {
      const [row] = await db
        .select({ data: fileBlobs.data, mimeType: fileBlobs.mimeType, size: fileBlobs.size })
        .from(fileBlobs)
        .where(eq(fileBlobs.sha256, sha256));
      return row;
    },
    async insertAttachment(db: DbOrTx, a: NewAttachment) {
      const [row] = await db.insert(attachments).values(a).returning();
      return row;
    },
    async getAttachment(db: DbOrTx, id: string) {
      const [row] = await db.select().from(attachments).where(eq(attachments.id, id));
      return row;
    },
    async deleteAttachment(db: DbOrTx, id: string) {
      await db.delete(attachments).where(eq(attachments.id, id));
    },
    /** Attachments of an inspection's assessments, with the uploader's name, oldest first. */
    async listForInspection(db: DbOrTx, inspectionId: string) {
      return db
        .select({
          id: attachments.id,
          contentAreaId: attachments.contentAreaId,
          followUpId: attachments.followUpId,
          fileName: attachments.fileName,
          mimeType: attachments.mimeType,
          size: attachments.size,
          sha256: attachments.sha256,
          uploadedAt: attachments.uploadedAt,
          uploadedBy: users.displayName,
        })
        .from(attachments)
        .innerJoin(users, eq(users.id, attachments.uploadedBy))
        .where(eq(attachments.inspectionId, inspectionId))
        .orderBy(attachments.uploadedAt);
    },
    async insertMonitoringAttachment(db: DbOrTx, v: NewMonitoringAttachment) {
      const [row] = await db.insert(monitoringAttachments).values(v).returning();
      return row;
    },
    async getMonitoringAttachment(db: DbOrTx, id: string) {
      const [row] = await db.select().from(monitoringAttachments).where(eq(monitoringAttachments.id, id));
      return row;
    },
    /** Evidence of a task, with the uploader's name, oldest first. */
    taskEvidence: (db: DbOrTx, taskId: string) =>
      db
        .select({
          id: monitoringAttachments.id,
          fileName: monitoringAttachments.fileName,
          mimeType: monitoringAttachments.mimeType,
          size: monitoringAttachments.size,
          uploadedByName: users.displayName,
          uploadedAt: monitoringAttachments.uploadedAt,
        })
        .from(monitoringAttachments)
        .innerJoin(users, eq(users.id, monitoringAttachments.uploadedBy))
        .where(eq(monitoringAttachments.taskId, taskId))
        .orderBy(asc(monitoringAttachments.uploadedAt)),
    /** Evidence of a report, the report's own (`indicatorId` null) and each value's; one indicator's only when named. */
    reportEvidence: (db: DbOrTx, reportId: string, indicatorId?: string) =>
      db
        .select({
          id: monitoringAttachments.id,
          indicatorId: monitoringAttachments.indicatorId,
          fileName: monitoringAttachments.fileName,
          mimeType: monitoringAttachments.mimeType,
          size: monitoringAttachments.size,
          uploadedByName: users.displayName,
          uploadedAt: monitoringAttachments.uploadedAt,
        })
        .from(monitoringAttachments)
        .innerJoin(users, eq(users.id, monitoringAttachments.uploadedBy))
        .where(
          and(
            eq(monitoringAttachments.reportId, reportId),
            indicatorId ? eq(monitoringAttachments.indicatorId, indicatorId) : undefined,
          ),
        )
        .orderBy(asc(monitoringAttachments.uploadedAt), asc(monitoringAttachments.id)),
    async anyForInspections(db: DbOrTx, inspectionIds: string[]) {
      if (!inspectionIds.length) return false;
      const [row] = await db
        .select({ id: attachments.id })
        .from(attachments)
        .where(inArray(attachments.inspectionId, inspectionIds))
        .limit(1);
      return !!row;
    },
    /** Content areas among `ids` that an evidence file sits on. */
    async contentAreasWithEvidence(db: DbOrTx, ids: string[]) {
      if (!ids.length) return new Set<string>();
      const rows = await db
        .selectDistinct({ id: attachments.contentAreaId })
        .from(attachments)
        .where(and(inArray(attachments.contentAreaId, ids), isNotNull(attachments.contentAreaId)));
      return new Set(rows.map((r) => r.id!));
    },
    /** Evidence a unit sent for a follow-up, with the uploader's name, oldest first. */
    followUpEvidence: (db: DbOrTx, followUpId: string) =>
      db
        .select({
          id: attachments.id,
          fileName: attachments.fileName,
          mimeType: attachments.mimeType,
          size: attachments.size,
          uploadedByName: users.displayName,
          uploadedAt: attachments.uploadedAt,
        })
        .from(attachments)
        .innerJoin(users, eq(users.id, attachments.uploadedBy))
        .where(eq(attachments.followUpId, followUpId))
        .orderBy(asc(attachments.uploadedAt), asc(attachments.id)),
  };
}
export type FilesRepo = ReturnType<typeof createFilesRepo>;
