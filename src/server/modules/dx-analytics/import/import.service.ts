import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Db, DbOrTx } from '../../../db/client.js';
import type { Actor } from '../../../http/context.js';
import { authorId, SYSTEM_ACTOR } from '../../../http/authorize.js';
import type { AuditService } from '../../audit/audit.service.js';
import { errorReport } from './error-report.js';
import type { ImportError, ImportJobRow, ImportKind, ImportRepo } from './import.repo.js';
import { openRows, type SourceRow } from './rows.js';
import { createImportTools, type ImportWriters } from './tools.js';

/**
 * Rows per committed batch. 5,000 rather than 1,000: at a million assessments on PostgreSQL the import went from
 * 5,370 to 7,117 rows/s (42.9 % → 50.1 % of its COPY floor; docs/benchmarks.md), as the rollup upserts fewer cells
 * per row and a batch's round trips are shared by more rows. The price: a killed run redoes up to 5,000 rows, and a
 * batch holds five times the rows (peak RSS 408 → 539 MB, still flat).
 */
export const DEFAULT_BATCH_SIZE = 5000;

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
  /**
   * test hook: stop right after batch k commits without a word, as an instance killed there would: the job stays
   * running, its heartbeat stops
   */
  dieAfterBatch?: number;
  /** after each checkpoint; the next batch commits once it has returned (or its promise has settled) */
  onProgress?: (p: { rowsDone: number; batchNo: number }) => void | Promise<void>;
  /** once the job is known: its id and how many batches an earlier, interrupted run already committed */
  onStart?: (p: { jobId: string; resumedBatches: number; batchSize: number }) => void;
  /** an already created job (admin upload); otherwise found by file hash or created */
  jobId?: string;
  /** the run's ownership token when the job was already claimed for it (upload, takeover); otherwise claimed here */
  runnerId?: string;
}

export async function sha256File(filePath: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(filePath)) h.update(chunk as Buffer);
  return h.digest('hex');
}

export class ImportFailure extends Error {}
/** The job was taken over by another run (its heartbeat went stale, or the file was run again): this one stops. */
export class ImportSuperseded extends Error {}
/** `dieAfterBatch`: the run stops as if its process were gone. */
class InstanceDied extends Error {}

/**
 * Keeps a run's ownership visible: the heartbeat is refreshed every `everyMs` (and by each checkpoint); `lost()`
 * turns true when the job is no longer this run's.
 */
function keepAlive(repo: ImportRepo, db: Db, jobId: string, runnerId: string, everyMs: number) {
  let lost = false;
  const timer = setInterval(() => {
    repo.heartbeat(db, jobId, runnerId).then(
      (mine) => {
        if (!mine) lost = true;
      },
      () => {
        /* the database is unreachable: the next checkpoint fails on its own, and staleness is the database's view */
      },
    );
  }, everyMs);
  timer.unref();
  return { lost: () => lost, stop: () => clearInterval(timer) };
}

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
  staleAfterMs = 60_000,
  singleProcess = false,
}: {
  db: Db;
  repo: ImportRepo;
  audit: AuditService;
  writers: ImportWriters;
  demoEnterprises?: number;
  /** a running job whose heartbeat is older than this has lost its instance (DX_IMPORT_STALE_SECONDS) */
  staleAfterMs?: number;
  /** PGlite: only this process can use the database, so at start-up every running job is an orphan */
  singleProcess?: boolean;
}) {
  const tools = createImportTools(db, writers);
  // four beats per stale period: one missed beat (a slow query, a GC pause) does not make a live run look dead
  const heartbeatMs = Math.max(250, Math.floor(staleAfterMs / 4));
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
    const job = await jobFor(handler.kind, r, r.batchSize ?? DEFAULT_BATCH_SIZE);
    const runnerId = r.runnerId ?? randomUUID();
    if (!r.runnerId) await repo.claim(db, job.id, runnerId);
    const alive = keepAlive(repo, db, job.id, runnerId, heartbeatMs);
    const superseded = () => new ImportSuperseded(`import job ${job.id} was taken over by another run`);
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
        // fencing: a run that lost the job (taken over while it stalled) writes nothing; the lock also makes a
        // takeover wait for the batch in flight
        if (!(await repo.lockIfOwner(tx, job.id, runnerId))) throw superseded();
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
      await r.onProgress?.({ rowsDone, batchNo: no });
      if (r.failAfterBatch === no) throw new ImportFailure(`injected failure after batch ${no}`);
      if (r.dieAfterBatch === no) throw new InstanceDied(`instance died after batch ${no}`);
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
        if (alive.lost()) throw superseded();
        buffer.push(row);
        total++;
        if (buffer.length >= batchSize) await flush();
      }
      if (buffer.length) await flush();
      await writing;
      if (failure) throw failure;
      if (!(await repo.finishJob(db, job.id, runnerId, { status: 'done', totalRows: total }))) throw superseded();
      await repo.dropFile(db, job.id);
    } catch (e) {
      await writing;
      alive.stop();
      // a superseded run leaves the job to its new owner (and a dead one can write nothing)
      if (!(e instanceof ImportSuperseded) && !(e instanceof InstanceDied)) {
        const message = e instanceof Error ? e.message : String(e);
        if (await repo.finishJob(db, job.id, runnerId, { status: 'failed', failure: message })) {
          await repo.dropFile(db, job.id);
        }
      }
      throw e;
    } finally {
      alive.stop();
    }
    const final = await repo.getJob(db, job.id);
    return final;
  }

  const running = new Set<Promise<unknown>>();
  const track = (p: Promise<unknown>) => {
    running.add(p);
    void p.finally(() => running.delete(p));
  };
  /** Runs a claimed job in the background; `cleanup` runs when it ends, whatever the outcome. */
  let imports = 0;
  function background(kind: ImportKind, r: ImportRun, cleanup: () => Promise<void>) {
    imports++;
    track(
      tools
        .handler(kind)
        .then((h) => run(h, r))
        .catch(() => {
          /* recorded on the job row */
        })
        .finally(() => {
          imports--;
          return cleanup().catch(() => {});
        }),
    );
  }

  /**
   * Starts an import in the background and returns its job at once (admin upload): the UI polls the job row.
   * The file is also stored in the database, so another instance can resume the job if this one dies.
   * `cleanup` runs when the import ends, whatever the outcome (e.g. to delete the uploaded temp file).
   */
  async function start(kind: ImportKind, r: ImportRun, cleanup: () => Promise<void> = async () => {}) {
    const job = await jobFor(kind, r, r.batchSize ?? DEFAULT_BATCH_SIZE);
    const runnerId = randomUUID();
    await repo.claim(db, job.id, runnerId);
    const alive = keepAlive(repo, db, job.id, runnerId, heartbeatMs);
    try {
      await repo.setTotal(db, job.id, await countLines(r.filePath, r.fileName ?? r.filePath));
      await repo.storeFile(db, job.id, createReadStream(r.filePath) as AsyncIterable<Buffer>);
    } finally {
      alive.stop();
    }
    background(kind, { ...r, jobId: job.id, runnerId }, cleanup);
    return await repo.getJob(db, job.id);
  }

  /**
   * A job taken over from a dead instance: resumed from its checkpoints when its file is stored whole (the same
   * bytes, the same batch size, so batch k is the same rows and committed batches are skipped); otherwise
   * (a CLI run, whose file is on the operator's disk) failed with IMPORT_INTERRUPTED, and the same command or
   * upload resumes it.
   */
  async function resume(job: ImportJobRow, runnerId: string) {
    const tmp = path.join(tmpdir(), `steerboard-resume-${job.id}-${runnerId.slice(0, 8)}${path.extname(job.fileName)}`);
    const h = createHash('sha256');
    let bytes = 0;
    await pipeline(
      (async function* () {
        for await (const c of repo.readFile(db, job.id)) {
          h.update(c);
          bytes += c.length;
          yield c;
        }
      })(),
      createWriteStream(tmp),
    );
    if (bytes > 0 && h.digest('hex') === job.fileSha256) {
      background(
        job.kind,
        { filePath: tmp, fileName: job.fileName, actor: SYSTEM_ACTOR, jobId: job.id, runnerId },
        () => rm(tmp, { force: true }),
      );
      return 'resumed' as const;
    }
    await rm(tmp, { force: true });
    await db.transaction(async (tx) => {
      const failed = await repo.finishJob(tx, job.id, runnerId, {
        status: 'failed',
        failure: 'the instance running the import stopped, and its file is not stored: run it again',
        failureReason: 'IMPORT_INTERRUPTED',
      });
      if (!failed) return;
      await repo.dropFile(tx, job.id);
      await audit.record(tx, SYSTEM_ACTOR, {
        action: 'update',
        entityType: 'dxImportJob',
        entityId: job.id,
        before: { status: 'running' },
        after: { status: 'failed', failureReason: 'IMPORT_INTERRUPTED' },
      });
    });
    return 'failed' as const;
  }

  /**
   * Takes over every running job whose instance is gone (heartbeat older than `staleMs`), one at a time, each
   * exactly once across instances; returns what became of them.
   */
  async function recover(staleMs = staleAfterMs) {
    const outcomes: { jobId: string; outcome: 'resumed' | 'failed' }[] = [];
    for (;;) {
      const runnerId = randomUUID();
      const job = await db.transaction(async (tx) => {
        // a job this check just took is not taken again (with staleMs 0, its fresh heartbeat would still be "older")
        const taken = await repo.takeOverStale(
          tx,
          runnerId,
          staleMs,
          outcomes.map((o) => o.jobId),
        );
        if (taken) {
          await audit.record(tx, SYSTEM_ACTOR, {
            action: 'update',
            entityType: 'dxImportJob',
            entityId: taken.id,
            before: { status: 'running', rowsDone: taken.rowsDone },
            after: { status: 'running', takenOver: true, takeovers: taken.takeovers },
          });
        }
        return taken;
      });
      if (!job) return outcomes;
      outcomes.push({ jobId: job.id, outcome: await resume(job, runnerId) });
    }
  }

  let sweeper: NodeJS.Timeout | undefined;
  let sweeping: Promise<unknown> = Promise.resolve();
  /**
   * The check for orphaned jobs: once now (at start-up) and then every half stale period, until `stopRecovery`.
   * `stopping` (graceful shutdown) makes it take nothing over.
   */
  function startRecovery(opts: { onError: (e: unknown) => void; stopping?: () => boolean }) {
    const sweep = (staleMs: number) => {
      if (opts.stopping?.()) return;
      // one check at a time in this process; the database makes them exclusive across processes
      sweeping = sweeping.then(() => recover(staleMs)).catch(opts.onError);
      track(sweeping);
    };
    sweep(singleProcess ? 0 : staleAfterMs);
    sweeper = setInterval(() => sweep(staleAfterMs), Math.max(500, Math.floor(staleAfterMs / 2)));
    sweeper.unref();
  }

  return {
    run,
    start,
    recover,
    startRecovery,
    /** stops the periodic check and waits for one in progress (imports it started go on: see `idle`) */
    stopRecovery: async () => {
      clearInterval(sweeper);
      await sweeping;
    },
    /** resolves when every background import (and takeover check) has ended (tests, shutdown) */
    idle: async () => {
      while (running.size) await Promise.all([...running]);
    },
    /** background imports running in this process now (the metrics' queue depth) */
    inFlight: () => imports,
    /** Imports a file of `kind` with the same validation as the API; resumes an unfinished run of the same file. */
    importFile: async (kind: ImportKind, r: ImportRun, opts: { isDemo?: boolean } = {}) =>
      run(await tools.handler(kind, opts), r),
    /** how many synthetic enterprises the demo seeds (0 in tests unless asked) */
    demoEnterprises,
    getJob: (id: string) => repo.getJob(db, id),
    listJobs: () => repo.listJobs(db),
    errors: (id: string) => repo.errors(db, id),
    /** the error report of a job as CSV rows, header first (the admin's download and the CLI's file) */
    errorReport: async (id: string) => errorReport(await repo.errors(db, id)),
    createJob: (v: Parameters<ImportRepo['createJob']>[1]) => repo.createJob(db, v),
  };
}
export type ImportService = ReturnType<typeof createImportService>;
