import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea, createdAt, users } from './foundation.js';
import { dxFrameworkVersions, rollupMeasures } from './dx.js';

/**
 * One bulk import of a file (CLI or admin upload). A rerun of the same file (same kind and SHA-256)
 * resumes the job that did not finish: batches already in `dx_import_batches` are skipped.
 */
export const dxImportJobs = pgTable(
  'dx_import_jobs',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    kind: text('kind').$type<'enterprises' | 'assessments'>().notNull(),
    fileName: text('file_name').notNull(),
    fileSha256: text('file_sha256').notNull(),
    status: text('status').$type<'running' | 'done' | 'failed'>().notNull(),
    batchSize: integer('batch_size').notNull(),
    // counted as batches commit, so a UI polling the row sees progress
    rowsDone: integer('rows_done').notNull().default(0),
    rowsOk: integer('rows_ok').notNull().default(0),
    rowsFailed: integer('rows_failed').notNull().default(0),
    totalRows: integer('total_rows'),
    failure: text('failure'),
    /** why it failed, as a stable code the web translates (IMPORT_INTERRUPTED); null for other failures */
    failureReason: text('failure_reason'),
    /**
     * The run that owns the job now (a token per run, not per instance): every checkpoint and the final status are
     * written only while it still matches, so a run whose job was taken over can no longer write.
     */
    runnerId: uuid('runner_id'),
    /** refreshed by the owning run on a timer and at each checkpoint; a running job whose heartbeat is older than
     * DX_IMPORT_STALE_SECONDS has lost its instance and is taken over by another one */
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
    /** how many times a job was taken over from a dead instance */
    takeovers: integer('takeovers').notNull().default(0),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('dx_import_jobs_file_idx').on(t.kind, t.fileSha256)],
);

/**
 * The uploaded file of an admin import, in 1 MiB chunks, so that any instance can resume the job when the one that
 * received it dies. Deleted when the job ends.
 */
export const dxImportFiles = pgTable(
  'dx_import_files',
  {
    jobId: uuid('job_id')
      .notNull()
      .references(() => dxImportJobs.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.seq] })],
);

/** Checkpoint: a batch is listed here only by the transaction that wrote its rows. */
export const dxImportBatches = pgTable(
  'dx_import_batches',
  {
    jobId: uuid('job_id')
      .notNull()
      .references(() => dxImportJobs.id, { onDelete: 'cascade' }),
    batchNo: integer('batch_no').notNull(),
    rowsOk: integer('rows_ok').notNull(),
    rowsFailed: integer('rows_failed').notNull(),
    committedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.batchNo] })],
);

/** The error report: one line per bad field of a rejected row (row = line number in the file, header = 1). */
export const dxImportErrors = pgTable(
  'dx_import_errors',
  {
    jobId: uuid('job_id')
      .notNull()
      .references(() => dxImportJobs.id, { onDelete: 'cascade' }),
    row: integer('row').notNull(),
    field: text('field').notNull(),
    reason: text('reason').notNull(),
    // the reason as a code with its values (src/shared/error-reasons.ts); null on rows written before 0022
    code: text('code'),
    params: jsonb('params').$type<Record<string, string | number>>(),
  },
  (t) => [index('dx_import_errors_job_idx').on(t.jobId, t.row)],
);

/**
 * Coarser grains of `dx_rollups`, kept in the same transactions: city-wide questions (no commune or district) read
 * `dx_rollups_city`, commune questions without sector or size read `dx_rollups_commune`. Each holds a few hundred
 * to a few thousand cells whatever the number of assessments, so those queries stay flat at a million.
 */
export const dxRollupsCity = pgTable(
  'dx_rollups_city',
  {
    frameworkVersionId: uuid('framework_version_id')
      .notNull()
      .references(() => dxFrameworkVersions.id),
    year: smallint('year').notNull(),
    sectorCode: text('sector_code').notNull(),
    sizeClass: text('size_class').notNull(),
    overallLevel: smallint('overall_level').notNull(),
    ...rollupMeasures(),
  },
  (t) => [unique('dx_rollups_city_uq').on(t.frameworkVersionId, t.year, t.sectorCode, t.sizeClass, t.overallLevel)],
);

export const dxRollupsCommune = pgTable(
  'dx_rollups_commune',
  {
    frameworkVersionId: uuid('framework_version_id')
      .notNull()
      .references(() => dxFrameworkVersions.id),
    year: smallint('year').notNull(),
    communeId: uuid('commune_id'),
    overallLevel: smallint('overall_level').notNull(),
    ...rollupMeasures(),
  },
  (t) => [
    unique('dx_rollups_commune_uq').on(t.frameworkVersionId, t.year, t.communeId, t.overallLevel).nullsNotDistinct(),
  ],
);
