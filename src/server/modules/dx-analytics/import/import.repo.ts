import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { dxImportBatches, dxImportErrors, dxImportJobs } from '../../../db/schema/index.js';

export type ImportKind = 'enterprises' | 'assessments';
export interface ImportError {
  row: number;
  field: string;
  reason: string;
}

export function createImportRepo() {
  return {
    /** The unfinished job for this file, if a previous run stopped part way. */
    async findResumable(db: DbOrTx, kind: ImportKind, sha256: string) {
      const [job] = await db
        .select()
        .from(dxImportJobs)
        .where(
          and(
            eq(dxImportJobs.kind, kind),
            eq(dxImportJobs.fileSha256, sha256),
            inArray(dxImportJobs.status, ['running', 'failed']),
          ),
        )
        .orderBy(asc(dxImportJobs.createdAt))
        .limit(1);
      return job ?? null;
    },
    async createJob(
      db: DbOrTx,
      v: { kind: ImportKind; fileName: string; fileSha256: string; batchSize: number; createdBy: string | null },
    ) {
      const [job] = await db
        .insert(dxImportJobs)
        .values({ ...v, status: 'running' })
        .returning();
      return job;
    },
    async getJob(db: DbOrTx, id: string) {
      const [job] = await db.select().from(dxImportJobs).where(eq(dxImportJobs.id, id));
      return job ?? null;
    },
    async listJobs(db: DbOrTx, limit = 20) {
      return db
        .select()
        .from(dxImportJobs)
        .orderBy(sql`${dxImportJobs.createdAt} desc`)
        .limit(limit);
    },
    async committedBatches(db: DbOrTx, jobId: string): Promise<Set<number>> {
      const rows = await db
        .select({ n: dxImportBatches.batchNo })
        .from(dxImportBatches)
        .where(eq(dxImportBatches.jobId, jobId));
      return new Set(rows.map((r) => r.n));
    },
    /** The checkpoint: written in the batch's own transaction, with its errors and the job's counters. */
    async commitBatch(tx: DbOrTx, jobId: string, batchNo: number, rows: number, ok: number, errors: ImportError[]) {
      const failedRows = new Set(errors.map((e) => e.row)).size;
      for (let i = 0; i < errors.length; i += 1000) {
        await tx.insert(dxImportErrors).values(errors.slice(i, i + 1000).map((e) => ({ jobId, ...e })));
      }
      await tx.insert(dxImportBatches).values({ jobId, batchNo, rowsOk: ok, rowsFailed: failedRows });
      await tx
        .update(dxImportJobs)
        .set({
          status: 'running',
          rowsDone: sql`${dxImportJobs.rowsDone} + ${rows}`,
          rowsOk: sql`${dxImportJobs.rowsOk} + ${ok}`,
          rowsFailed: sql`${dxImportJobs.rowsFailed} + ${failedRows}`,
        })
        .where(eq(dxImportJobs.id, jobId));
    },
    async finishJob(
      db: DbOrTx,
      jobId: string,
      v: { status: 'done' | 'failed'; totalRows?: number; failure?: string | null },
    ) {
      await db
        .update(dxImportJobs)
        .set({ status: v.status, totalRows: v.totalRows, failure: v.failure ?? null, finishedAt: new Date() })
        .where(eq(dxImportJobs.id, jobId));
    },
    async setTotal(db: DbOrTx, jobId: string, totalRows: number | null) {
      await db.update(dxImportJobs).set({ totalRows }).where(eq(dxImportJobs.id, jobId));
    },
    async errors(db: DbOrTx, jobId: string) {
      return db
        .select({ row: dxImportErrors.row, field: dxImportErrors.field, reason: dxImportErrors.reason })
        .from(dxImportErrors)
        .where(eq(dxImportErrors.jobId, jobId))
        .orderBy(asc(dxImportErrors.row), asc(dxImportErrors.field));
    },
  };
}
export type ImportRepo = ReturnType<typeof createImportRepo>;
