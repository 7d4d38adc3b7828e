import { and, count, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { publications } from '../../db/schema/index.js';

export type PublicationRow = typeof publications.$inferSelect;

export function createPublicationsRepo() {
  return {
    subjectRows: (db: DbOrTx, ids: string[]) =>
      db
        .select({ id: publications.id, inspectionId: publications.inspectionId })
        .from(publications)
        .where(inArray(publications.id, ids)),

    async get(db: DbOrTx, inspectionId: string) {
      const [row] = await db.select().from(publications).where(eq(publications.inspectionId, inspectionId));
      return row;
    },

    /**
     * Publishes, or publishes again after a withdrawal, in one statement: two secretaries pressing at once make one
     * row. Nothing returned: it was already published (the caller answers the current state, idempotently).
     */
    async publish(db: DbOrTx, v: { inspectionId: string; programId: string; by: string | null }) {
      const [row] = await db
        .insert(publications)
        .values({ inspectionId: v.inspectionId, programId: v.programId, publishedBy: v.by })
        .onConflictDoUpdate({
          target: publications.inspectionId,
          set: {
            publishedAt: sql`now()`,
            publishedBy: v.by,
            withdrawnAt: null,
            withdrawnBy: null,
            withdrawReason: null,
            version: sql`${publications.version} + 1`,
          },
          setWhere: isNotNull(publications.withdrawnAt),
        })
        .returning();
      return row;
    },

    /** Withdraws a current publication, matching the version the caller read when it names one. */
    async withdraw(db: DbOrTx, v: { inspectionId: string; by: string | null; reason: string; version?: number }) {
      const [row] = await db
        .update(publications)
        .set({
          withdrawnAt: sql`now()`,
          withdrawnBy: v.by,
          withdrawReason: v.reason,
          version: sql`${publications.version} + 1`,
        })
        .where(
          and(
            eq(publications.inspectionId, v.inspectionId),
            isNull(publications.withdrawnAt),
            v.version === undefined ? undefined : eq(publications.version, v.version),
          ),
        )
        .returning();
      return row;
    },

    /** The programs with something published now, and how many inspections each. */
    programsWithPublications: (db: DbOrTx) =>
      db
        .select({ programId: publications.programId, n: count() })
        .from(publications)
        .where(isNull(publications.withdrawnAt))
        .groupBy(publications.programId),

    /** A program's current publications, the latest first. */
    currentOfProgram: (db: DbOrTx, programId: string) =>
      db
        .select({ inspectionId: publications.inspectionId, publishedAt: publications.publishedAt })
        .from(publications)
        .where(and(eq(publications.programId, programId), isNull(publications.withdrawnAt)))
        .orderBy(sql`${publications.publishedAt} desc`),
  };
}
export type PublicationsRepo = ReturnType<typeof createPublicationsRepo>;
