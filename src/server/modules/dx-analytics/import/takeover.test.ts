import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf, type Db } from '../../../db/client.js';
import { auditEvents, dxImportBatches, dxImportFiles, dxImportJobs } from '../../../db/schema/index.js';
import { SYSTEM_ACTOR } from '../../../http/authorize.js';
import { createServerDatabase, createTestContext, type TestDatabase } from '../../../test/test-app.js';
import { generate } from '../generate/generate.js';
import { loadGeo } from '../generate/geo.js';
import { rollupMismatches, testFramework } from '../test-helpers.js';
import { createImportTools } from './tools.js';

/*
 * Issue 10: background work "runs once across instances, surviving the death of the instance running it". An
 * import whose instance died (its heartbeat stopped) is taken over by another instance, exactly once: resumed from
 * its last checkpoint when its file is stored in the database (admin uploads), failed with IMPORT_INTERRUPTED
 * otherwise (a CLI run: its file is on the operator's disk, and the same command resumes it).
 * The database outlives the apps: an on-disk PGlite directory, or one database on the PostgreSQL server.
 */

const serverUrl = process.env.DATABASE_URL;
const BATCH = 50;
const ASSESSMENTS = 300; // 6 batches
let dir: string;
let database: TestDatabase;
let dropServer: (() => Promise<void>) | undefined;
let files: { e: string; a: string };
let fw: Awaited<ReturnType<typeof testFramework>>;
// the apps' periodic check stays out of the way (every 30 min: at every 30 s it fired during a slow PostgreSQL run and
// took an orphan the test's own checks were counting); the tests age heartbeats themselves, past the hour. At start an
// app checks at once (PGlite: every running job is an orphan then, as one process holds the directory)
const env = { DX_IMPORT_STALE_SECONDS: '3600' };
const app = () => createTestContext({ demo: false, database, env });

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dx-takeover-'));
  if (serverUrl) {
    const s = await createServerDatabase(serverUrl);
    database = { url: s.url };
    dropServer = () => s.drop();
  } else database = { dataDir: path.join(dir, 'pgdata') };
  const ctx = await app();
  try {
    fw = await testFramework(ctx.handle.db);
    files = { e: path.join(dir, 'e.csv'), a: path.join(dir, 'a.csv') };
    await generate(
      {
        enterprises: 120,
        assessments: ASSESSMENTS,
        years: [2023, 2024, 2025],
        seed: 11,
        framework: fw.definition,
        geo: await loadGeo(),
        taxPrefix: '6',
      },
      createWriteStream(files.e),
      createWriteStream(files.a),
    );
    await ctx.services.dxImports.importFile('enterprises', { actor: SYSTEM_ACTOR, filePath: files.e });
  } finally {
    await ctx.close();
  }
}, 300_000);
afterAll(async () => {
  await dropServer?.();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const jobRow = async (db: Db, id: string) => (await db.select().from(dxImportJobs).where(eq(dxImportJobs.id, id)))[0];
const batchesOf = async (db: Db, id: string) =>
  (
    await db
      .select({ n: dxImportBatches.batchNo })
      .from(dxImportBatches)
      .where(eq(dxImportBatches.jobId, id))
      .orderBy(asc(dxImportBatches.batchNo))
  ).map((b) => b.n);
const takeoverEvents = (db: Db, id: string) =>
  db
    .select({ actor: auditEvents.actorUsername, after: auditEvents.after })
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, 'dxImportJob'), eq(auditEvents.entityId, id)));
const ageHeartbeat = (db: Db, id: string) =>
  db
    .update(dxImportJobs)
    .set({ heartbeatAt: sql`now() - interval '1 day'` })
    .where(eq(dxImportJobs.id, id));

describe('an import whose instance died', () => {
  it('is resumed by the next app from its last checkpoint when its file is stored, else failed with IMPORT_INTERRUPTED', async () => {
    // instance A: an admin upload (assessments) and a CLI run (enterprises); A dies after their 2nd and 1st batch
    const a = await app();
    let uploaded: string;
    let cli: string;
    try {
      const svc = a.services.dxImports;
      const upload = { filePath: files.a, fileName: 'a.csv', actor: SYSTEM_ACTOR, batchSize: BATCH };
      uploaded = (await svc.start('assessments', { ...upload, dieAfterBatch: 2 })).id;
      await svc.idle();
      await expect(
        svc.importFile('enterprises', { filePath: files.e, actor: SYSTEM_ACTOR, batchSize: 50, dieAfterBatch: 1 }),
      ).rejects.toThrow(/died/);
      const jobs = await a.handle.db.select().from(dxImportJobs).where(eq(dxImportJobs.status, 'running'));
      expect(jobs.map((j) => j.kind).sort()).toEqual(['assessments', 'enterprises']);
      cli = jobs.find((j) => j.id !== uploaded)!.id;
      expect(await batchesOf(a.handle.db, uploaded)).toEqual([1, 2]);
      expect(await batchesOf(a.handle.db, cli)).toEqual([1]);
      // a heartbeat within the last minute: not taken
      expect(await svc.recover(60_000)).toEqual([]);
      for (const id of [uploaded, cli]) await ageHeartbeat(a.handle.db, id);
    } finally {
      await a.close();
    }

    // instance B starts: its start-up check takes both over
    const b = await app();
    try {
      await b.services.dxImports.idle();
      const db = b.handle.db;
      const resumed = await jobRow(db, uploaded);
      expect(resumed).toMatchObject({ status: 'done', rowsDone: ASSESSMENTS, takeovers: 1, failureReason: null });
      expect(resumed.rowsOk + resumed.rowsFailed).toBe(ASSESSMENTS);
      // batches 1–2 from A, 3–6 from B, each once (a batch is one transaction with its checkpoint)
      expect(await batchesOf(db, uploaded)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(await db.select().from(dxImportFiles)).toEqual([]); // the stored file goes with the job's end
      const [{ n }] = rowsOf<{ n: number }>(
        await db.execute(sql`select count(*)::int as n from dx_assessments where framework_version_id = ${fw.id}`),
      );
      expect(n).toBeGreaterThan(0);
      expect(n).toBeLessThanOrEqual(resumed.rowsOk);
      expect(await rollupMismatches(db, fw.id)).toEqual([]);

      const interrupted = await jobRow(db, cli);
      expect(interrupted).toMatchObject({ status: 'failed', failureReason: 'IMPORT_INTERRUPTED', takeovers: 1 });
      expect(await takeoverEvents(db, uploaded)).toEqual([
        { actor: 'system', after: { status: 'running', takenOver: true, takeovers: 1 } },
      ]);
      expect(await takeoverEvents(db, cli)).toEqual([
        { actor: 'system', after: { status: 'running', takenOver: true, takeovers: 1 } },
        { actor: 'system', after: { status: 'failed', failureReason: 'IMPORT_INTERRUPTED' } },
      ]);
      // the same CLI command resumes the interrupted job
      const rerun = await b.services.dxImports.importFile('enterprises', {
        filePath: files.e,
        actor: SYSTEM_ACTOR,
        batchSize: 50,
      });
      expect(rerun).toMatchObject({ id: cli, status: 'done', rowsDone: 120, failureReason: null });
      expect(await batchesOf(db, cli)).toEqual([1, 2, 3]);
    } finally {
      await b.close();
    }
  }, 400_000);

  it('a run whose job was taken over writes nothing more, and leaves the job to its new owner', async () => {
    const ctx = await app();
    try {
      const svc = ctx.services.dxImports;
      let jobId = '';
      const run = svc.run(await createImportTools(ctx.handle.db, ctx.services).handler('assessments'), {
        filePath: files.a,
        fileName: 'fenced.csv',
        actor: SYSTEM_ACTOR,
        batchSize: BATCH,
        onStart: (p) => {
          jobId = p.jobId;
        },
        // while batch 2 waits: another instance takes the job over (as if this one had stalled past the limit)
        onProgress: async ({ batchNo }) => {
          if (batchNo === 1) expect(await svc.recover(0)).toEqual([{ jobId, outcome: 'failed' }]);
        },
      });
      await expect(run).rejects.toThrow(/taken over by another run/);
      expect(await batchesOf(ctx.handle.db, jobId)).toEqual([1]);
      // the new owner's outcome stands: the superseded run did not overwrite it with its own failure
      expect(await jobRow(ctx.handle.db, jobId)).toMatchObject({
        status: 'failed',
        failureReason: 'IMPORT_INTERRUPTED',
      });
      expect(await rollupMismatches(ctx.handle.db, fw.id)).toEqual([]);
    } finally {
      await ctx.close();
    }
  }, 300_000);
});

describe.runIf(serverUrl)('two instances checking at once (PostgreSQL)', () => {
  it('take each orphaned job over exactly once', async () => {
    const [a, b] = [await app(), await app()];
    try {
      // each app's own check at start-up runs in the background: one still running when the orphans appear takes one
      // of them over, and its outcome is not among the ones counted here (a slow PostgreSQL run failed that way)
      await Promise.all([a, b].map((c) => c.services.dxImports.idle()));
      const ids: string[] = [];
      for (let i = 0; i < 4; i++) {
        const job = await a.services.dxImports.createJob({
          kind: 'enterprises',
          fileName: `orphan-${i}.csv`,
          fileSha256: `${i}`.repeat(64),
          batchSize: 10,
          createdBy: null,
        });
        await ageHeartbeat(a.handle.db, job.id);
        ids.push(job.id);
      }
      const outcomes = (await Promise.all([a, b, a, b].map((c) => c.services.dxImports.recover()))).flat();
      expect(outcomes.map((o) => o.jobId).sort()).toEqual([...ids].sort());
      for (const id of ids) {
        expect(await jobRow(a.handle.db, id)).toMatchObject({ takeovers: 1, failureReason: 'IMPORT_INTERRUPTED' });
        expect(await takeoverEvents(a.handle.db, id)).toHaveLength(2);
      }
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  }, 300_000);
});
