import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Db, DbOrTx } from '../../../db/client.js';
import type { Actor } from '../../../http/context.js';
import { authorId } from '../../../http/authorize.js';
import type { AuditService } from '../../audit/audit.service.js';
import type { ImportError, ImportKind, ImportRepo } from './import.repo.js';
import { openRows, type SourceRow } from './rows.js';
import { createImportTools, type ImportWriters } from './tools.js';

/**
 * What one kind of import does with a batch, in two steps: `prepare` (validation, scoring, serialisation: CPU
 * only, no transaction) and `write` (inside the batch's transaction; rollups move in the same transaction).
 * The service prepares batch k+1 while batch k is being written.
 */
export interface ImportHandler<P = unknown> {
  kind: ImportKind;
  requiredColumns: string[];
  prepare(rows: SourceRow[]): Promise<P>;
  write(tx: DbOrTx, prepared: P): Promise<{ ok: number; errors: ImportError[] }>;
}

export interface ImportRun {
  filePath: string;
  fileName?: string;
  batchSize?: number;
  /** who runs it: the admin who uploaded, or SYSTEM_ACTOR for the CLI */
  actor: Actor;
  /** test hook: throw right after batch k commits, as a crash would */
  failAfterBatch?: number;
  onProgress?: (p: { rowsDone: number; batchNo: number }) => void;
  /** once the job is known: its id and how many batches an earlier, interrupted run already committed */
  onStart?: (p: { jobId: string; resumedBatches: number; batchSize: number }) => void;
  /** an already created job (admin upload); otherwise found by file hash or created */
  jobId?: string;
}

export async function sha256File(filePath: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(filePath)) h.update(chunk as Buffer);
  return h.digest('hex');
}

export class ImportFailure extends Error {}

/** Rows for the progress bar before the import has read them: lines of a CSV less the header (XLSX: unknown). */
async function countLines(filePath: string, fileName: string): Promise<number | null> {
  if (/\.xlsx$/i.test(fileName)) return null;
  let n = 0;
  for await (const chunk of createReadStream(filePath)) for (const b of chunk as Buffer) if (b === 10) n++;
  return Math.max(0, n - 1);
}

export function createImportService({
  db,
  repo,
  audit,
  writers,
  demoEnterprises = 0,
}: {
  db: Db;
  repo: ImportRepo;
  audit: AuditService;
  writers: ImportWriters;
  demoEnterprises?: number;
}) {
  const tools = createImportTools(db, writers);
  /** Finds the job a rerun of this file should resume, or opens a new one. */
  async function jobFor(kind: ImportKind, run: ImportRun, batchSize: number) {
    if (run.jobId) {
      const job = await repo.getJob(db, run.jobId);
      if (!job) throw new ImportFailure(`import job ${run.jobId} not found`);
      return job;
    }
    const sha = await sha256File(run.filePath);
    const resumable = await repo.findResumable(db, kind, sha);
    // a resumed job keeps its batch size, so batch k means the same rows as before
    if (resumable) return resumable;
    return repo.createJob(db, {
      kind,
      fileName: run.fileName ?? run.filePath,
      fileSha256: sha,
      batchSize,
      createdBy: authorId(run.actor),
    });
  }

  /**
   * Streams the file in batches; each batch (its good rows, its rollup changes, its error lines and its
   * checkpoint) commits in one transaction. A rerun skips the batches already checkpointed.
   */
  async function run<P>(handler: ImportHandler<P>, r: ImportRun) {
    const job = await jobFor(handler.kind, r, r.batchSize ?? 1000);
    const batchSize = job.batchSize;
    const done = await repo.committedBatches(db, job.id);
    r.onStart?.({ jobId: job.id, resumedBatches: done.size, batchSize });
    let batchNo = 0;
    let total = 0;
    // the batch being written while the next one is prepared; its failure stops the import
    let writing: Promise<void> = Promise.resolve();
    let failure = null as Error | null; // set by the batch being written (a callback): not narrowed to null
    const commit = async (no: number, rows: SourceRow[], prepared: P, rowsDone: number) => {
      await db.transaction(async (tx) => {
        const { ok, errors } = await handler.write(tx, prepared);
        await repo.commitBatch(tx, job.id, no, rows.length, ok, errors);
        await audit.record(tx, r.actor, {
          action: 'create',
          entityType: 'dxImportBatch',
          entityId: job.id,
          after: {
            kind: handler.kind,
            batchNo: no,
            firstRow: rows[0]?.row,
            lastRow: rows.at(-1)?.row,
            ok,
            failedRows: new Set(errors.map((e) => e.row)).size,
          },
        });
      });
      r.onProgress?.({ rowsDone, batchNo: no });
      if (r.failAfterBatch === no) throw new ImportFailure(`injected failure after batch ${no}`);
    };
    try {
      const { header, rows } = await openRows(r.filePath, r.fileName ?? r.filePath);
      const missing = handler.requiredColumns.filter((c) => !header.includes(c));
      if (missing.length) throw new ImportFailure(`missing columns: ${missing.join(', ')}`);
      let buffer: SourceRow[] = [];
      const flush = async () => {
        batchNo++;
        const batch = buffer;
        buffer = [];
        if (done.has(batchNo)) return;
        const prepared = await handler.prepare(batch);
        await writing;
        if (failure) throw failure;
        const no = batchNo;
        writing = commit(no, batch, prepared, total).catch((e: unknown) => {
          failure = e instanceof Error ? e : new Error(String(e));
        });
      };
      for await (const row of rows) {
        if (failure) throw failure;
        buffer.push(row);
        total++;
        if (buffer.length >= batchSize) await flush();
      }
      if (buffer.length) await flush();
      await writing;
      if (failure) throw failure;
      await repo.finishJob(db, job.id, { status: 'done', totalRows: total });
    } catch (e) {
      await writing;
      await repo.finishJob(db, job.id, { status: 'failed', failure: e instanceof Error ? e.message : String(e) });
      throw e;
    }
    const final = await repo.getJob(db, job.id);
    return final;
  }

  /**
   * Starts an import in the background and returns its job at once (admin upload): the UI polls the job row.
   * `cleanup` runs when the import ends, whatever the outcome (e.g. to delete the uploaded temp file).
   */
  async function start(kind: ImportKind, r: ImportRun, cleanup: () => Promise<void> = async () => {}) {
    const job = await jobFor(kind, r, r.batchSize ?? 1000);
    await repo.setTotal(db, job.id, await countLines(r.filePath, r.fileName ?? r.filePath));
    const done = tools
      .handler(kind)
      .then((h) => run(h, { ...r, jobId: job.id }))
      .catch(() => {
        /* recorded on the job row */
      })
      .finally(() => cleanup().catch(() => {}));
    running.add(done);
    void done.finally(() => running.delete(done));
    return await repo.getJob(db, job.id);
  }
  const running = new Set<Promise<unknown>>();

  return {
    run,
    start,
    /** resolves when every background import has ended (tests, shutdown) */
    idle: () => Promise.all([...running]),
    /** background imports running in this process now (the metrics' queue depth) */
    inFlight: () => running.size,
    /** Imports a file of `kind` with the same validation as the API; resumes an unfinished run of the same file. */
    importFile: async (kind: ImportKind, r: ImportRun, opts: { isDemo?: boolean } = {}) =>
      run(await tools.handler(kind, opts), r),
    /** how many synthetic enterprises the demo seeds (0 in tests unless asked) */
    demoEnterprises,
    getJob: (id: string) => repo.getJob(db, id),
    listJobs: () => repo.listJobs(db),
    errors: (id: string) => repo.errors(db, id),
    createJob: (v: Parameters<ImportRepo['createJob']>[1]) => repo.createJob(db, v),
  };
}
export type ImportService = ReturnType<typeof createImportService>;
