import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { attachments, fileBlobs, followUps, inspections, teamMembers, users } from '../../db/schema/index.js';

export type AttachmentRow = typeof attachments.$inferSelect;
export type NewAttachment = typeof attachments.$inferInsert;

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
    /**
     * The attachment with what decides who may see it: the inspection's target, status and team, and the
     * follow-up's addressee.
     */
    async getWithScope(db: DbOrTx, id: string) {
      const [row] = await db
        .select({
          attachment: attachments,
          targetOrgUnitId: inspections.targetOrgUnitId,
          inspectionStatus: inspections.status,
          teamId: inspections.teamId,
          followUpAddresseeOrgUnitId: followUps.addresseeOrgUnitId,
        })
        .from(attachments)
        .innerJoin(inspections, eq(inspections.id, attachments.inspectionId))
        .leftJoin(followUps, eq(followUps.id, attachments.followUpId))
        .where(eq(attachments.id, id));
      return row;
    },
    /** The person's roles in the team (the files module's own read of who inspects what). */
    async teamRolesOf(db: DbOrTx, teamId: string, personId: string | null) {
      if (!personId) return [];
      const rows = await db
        .select({ role: teamMembers.role })
        .from(teamMembers)
        .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.personId, personId)));
      return rows.map((r) => r.role);
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
  };
}
export type FilesRepo = ReturnType<typeof createFilesRepo>;
