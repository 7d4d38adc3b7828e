import { and, asc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import type { RowIssue } from '../../../http/errors.js';
import { dxImportBatches, dxImportErrors, dxImportFiles, dxImportJobs } from '../../../db/schema/index.js';

export type ImportKind = 'enterprises' | 'assessments';
/** a bad cell of an imported row, as the error report keeps it */
export type ImportError = RowIssue;

export type ImportJobRow = typeof dxImportJobs.$inferSelect;
const CHUNK = 1 << 20;
const ofRunner = (jobId: string, runnerId: string) =>
  and(eq(dxImportJobs.id, jobId), eq(dxImportJobs.runnerId, runnerId), eq(dxImportJobs.status, 'running'));

export function createImportRepo() {
  return {
    /** Makes `runnerId` the job's owner (a rerun or a new upload of the file): any earlier run can no longer write. */
    async claim(db: DbOrTx, jobId: string, runnerId: string) {
      await db
        .update(dxImportJobs)
        .set({
          status: 'running',
          runnerId,
          heartbeatAt: sql`now()`,
          failure: null,
          failureReason: null,
          finishedAt: null,
        })
        .where(eq(dxImportJobs.id, jobId));
    },
    /**
     * Takes over one running job whose heartbeat is older than `staleMs` (its instance is gone), for `runnerId`;
     * call it in a transaction. The row lock (SKIP LOCKED) and the condition re-checked under it make it exactly
     * once across instances: a second instance racing for the same row skips it, or (after the first committed)
     * finds its heartbeat fresh.
     */
    async takeOverStale(tx: DbOrTx, runnerId: string, staleMs: number, skip: string[] = []) {
      const stale = and(
        eq(dxImportJobs.status, 'running'),
        skip.length ? notInArray(dxImportJobs.id, skip) : undefined,
        sql`coalesce(${dxImportJobs.heartbeatAt}, ${dxImportJobs.createdAt}) < now() - make_interval(secs => ${staleMs / 1000})`,
      );
      const [found] = await tx
        .select({ id: dxImportJobs.id })
        .from(dxImportJobs)
        .where(stale)
        .limit(1)
        .for('update', { skipLocked: true });
      if (!found) return null;
      // under the row lock, the heartbeat is read again: a run that beat meanwhile keeps its job
      const [job] = await tx
        .update(dxImportJobs)
        .set({ runnerId, heartbeatAt: sql`now()`, takeovers: sql`${dxImportJobs.takeovers} + 1` })
        .where(and(eq(dxImportJobs.id, found.id), stale))
        .returning();
      return job ?? null;
    },
    /** The owning run is alive; false when the job is no longer its own (taken over, or ended). */
    async heartbeat(db: DbOrTx, jobId: string, runnerId: string) {
      const rows = await db
        .update(dxImportJobs)
        .set({ heartbeatAt: sql`now()` })
        .where(ofRunner(jobId, runnerId))
        .returning({ id: dxImportJobs.id });
      return rows.length > 0;
    },
    /** Inside a batch's transaction, before its writes: locks the job row if `runnerId` still owns it. */
    async lockIfOwner(tx: DbOrTx, jobId: string, runnerId: string) {
      const rows = await tx
        .select({ id: dxImportJobs.id })
        .from(dxImportJobs)
        .where(ofRunner(jobId, runnerId))
        .for('update');
      return rows.length > 0;
    },
    /** Stores an uploaded file in the database, chunk by chunk, replacing what the job held. */
    async storeFile(db: DbOrTx, jobId: string, chunks: AsyncIterable<Buffer>) {
      await db.delete(dxImportFiles).where(eq(dxImportFiles.jobId, jobId));
      let seq = 0;
      let pending: Buffer[] = [];
      let size = 0;
      const put = async () => {
        if (!size) return;
        await db.insert(dxImportFiles).values({ jobId, seq: seq++, data: Buffer.concat(pending) });
        pending = [];
        size = 0;
      };
      for await (const c of chunks) {
        pending.push(c);
        size += c.length;
        if (size >= CHUNK) await put();
      }
      await put();
    },
    /** The stored file's chunks in order (none: the job was started by the CLI, or before files were stored). */
    async *readFile(db: DbOrTx, jobId: string): AsyncGenerator<Uint8Array> {
      for (let seq = 0; ; seq++) {
        const [c] = await db
          .select({ data: dxImportFiles.data })
          .from(dxImportFiles)
          .where(and(eq(dxImportFiles.jobId, jobId), eq(dxImportFiles.seq, seq)));
        if (!c) return;
        yield c.data;
      }
    },
    async dropFile(db: DbOrTx, jobId: string) {
      await db.delete(dxImportFiles).where(eq(dxImportFiles.jobId, jobId));
    },
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
        await tx
          .insert(dxImportErrors)
          .values(errors.slice(i, i + 1000).map((e) => ({ jobId, ...e, params: e.params ?? null })));
      }
      await tx.insert(dxImportBatches).values({ jobId, batchNo, rowsOk: ok, rowsFailed: failedRows });
      await tx
        .update(dxImportJobs)
        .set({
          heartbeatAt: sql`now()`,
          rowsDone: sql`${dxImportJobs.rowsDone} + ${rows}`,
          rowsOk: sql`${dxImportJobs.rowsOk} + ${ok}`,
          rowsFailed: sql`${dxImportJobs.rowsFailed} + ${failedRows}`,
        })
        .where(eq(dxImportJobs.id, jobId));
    },
    /** The final status, written only by the run that owns the job; false if it no longer does. */
    async finishJob(
      db: DbOrTx,
      jobId: string,
      runnerId: string,
      v: { status: 'done' | 'failed'; totalRows?: number; failure?: string | null; failureReason?: string | null },
    ) {
      const rows = await db
        .update(dxImportJobs)
        .set({
          status: v.status,
          totalRows: v.totalRows,
          failure: v.failure ?? null,
          failureReason: v.failureReason ?? null,
          finishedAt: new Date(),
          heartbeatAt: null,
        })
        .where(ofRunner(jobId, runnerId))
        .returning({ id: dxImportJobs.id });
      return rows.length > 0;
    },
    async setTotal(db: DbOrTx, jobId: string, totalRows: number | null) {
      await db.update(dxImportJobs).set({ totalRows }).where(eq(dxImportJobs.id, jobId));
    },
    async errors(db: DbOrTx, jobId: string): Promise<ImportError[]> {
      const rows = await db
        .select({
          row: dxImportErrors.row,
          field: dxImportErrors.field,
          reason: dxImportErrors.reason,
          code: dxImportErrors.code,
          params: dxImportErrors.params,
        })
        .from(dxImportErrors)
        .where(eq(dxImportErrors.jobId, jobId))
        .orderBy(asc(dxImportErrors.row), asc(dxImportErrors.field));
      // errors written before codes existed have none: their English reason is all there is
      return rows.map(({ code, params, ...e }) => ({ ...e, code: code ?? '', ...(params && { params }) }));
    },
  };
}
export type ImportRepo = ReturnType<typeof createImportRepo>;
