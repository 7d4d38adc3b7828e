import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractPayload, openArchive, writeArchive } from '../db/backup/archive.js';
import { BackupError, backupDatabase, findPgTool, type Target } from '../db/backup/backup.js';
import { openDb, rowsOf, type Db } from '../db/client.js';
import { LOCK_FILE } from '../db/dir-lock.js';
import { migrate, migrationTags } from '../db/migrate.js';
import { createServerDatabase, createTestContext } from '../test/test-app.js';
import { runBackup, runRestore } from './backup-commands.js';

// On PostgreSQL when DATABASE_URL is set (the suite's second run), otherwise on embedded PGlite directories.
const serverUrl = process.env.DATABASE_URL;
const engine = serverUrl ? 'postgres' : 'pglite';
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');

let work: string;
const drops: (() => Promise<void>)[] = [];

/** A new, empty place for a database: a fresh database on the server, or a directory that does not exist yet. */
async function emptyTarget(): Promise<Target> {
  if (serverUrl) {
    const db = await createServerDatabase(serverUrl);
    drops.push(() => db.drop());
    return { url: db.url, dataDir: '/nonexistent' };
  }
  return { dataDir: path.join(await mkdtemp(path.join(work, 'place-')), 'data') };
}

async function withDb<T>(target: Target, fn: (db: Db) => Promise<T>): Promise<T> {
  const handle = await openDb({ url: target.url, dataDir: target.dataDir });
  try {
    return await fn(handle.db);
  } finally {
    await handle.close();
  }
}

/**
 * The demo data (with a dozen synthetic DX enterprises, so the import and rollup tables have rows), plus one row in
 * each table the demo leaves empty, so that the comparison below covers every table. Files are rows of file_blobs:
 * one holds every byte value, one 300 KB of random bytes.
 */
async function seedDemo(target: Target) {
  const ctx = await createTestContext({
    database: target.url ? { url: target.url } : { dataDir: target.dataDir },
    env: { DX_DEMO_ENTERPRISES: '12' },
  });
  const db = ctx.handle.db;
  try {
    // sessions and login_throttles through the API, as they are made
    const ok = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: 'demo' },
    });
    expect(ok.statusCode).toBe(200);
    const bad = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: 'x' },
    });
    expect(bad.statusCode).toBe(401);
    const everyByte = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const random = randomBytes(300_000);
    await db.execute(sql`insert into file_blobs (sha256, size, mime_type, data) values
      (${'a'.repeat(64)}, 256, 'application/octet-stream', ${everyByte}),
      (${'b'.repeat(64)}, ${random.length}, 'application/pdf', ${random})`);
    const admin = sql`(select id from users where username = 'admin')`;
    await db.execute(sql`insert into attachments (inspection_id, sha256, file_name, mime_type, size, uploaded_by)
      select id, ${'a'.repeat(64)}, 'bien-ban.pdf', 'application/pdf', 256, ${admin} from inspections limit 1`);
    await db.execute(sql`insert into monitoring_attachments (report_id, sha256, file_name, mime_type, size, uploaded_by)
      select id, ${'b'.repeat(64)}, 'bao-cao.pdf', 'application/pdf', ${random.length}, ${admin} from unit_reports limit 1`);
    await db.execute(sql`insert into finding_links (finding_id, indicator_id, created_by)
      select (select id from findings limit 1), (select id from indicators limit 1), ${admin}`);
    await db.execute(sql`insert into dx_import_errors (job_id, row, field, reason)
      select id, 7, 'taxCode', 'TAX_CODE_CHECK_DIGIT' from dx_import_jobs limit 1`);
    await db.execute(sql`insert into idempotency_keys (actor_id, key, route, request_sha256, status, body)
      select ${admin}, 'k-1', 'POST /api/programs', ${'c'.repeat(64)}, 201, '{"id":"x"}'`);
    await db.execute(sql`insert into program_monitoring_settings (program_id, green_pct, amber_pct)
      select id, 0.9, 0.6 from programs limit 1`);
    await db.execute(sql`insert into report_task_progress (report_id, task_id, status, progress_percent, spent_vnd, note)
      select (select id from unit_reports limit 1), (select id from program_tasks limit 1), 'in_progress', 40,
        1500000000, 'đang triển khai'`);
    await db.execute(sql`insert into task_updates (task_id, status, progress_percent, spent_vnd, author_id)
      select id, 'in_progress', 40, 1500000000, ${admin} from program_tasks limit 1`);
    // what a running system adds beside the demo: a published conclusion, a scheduled job, a person's notification
    // preference and an e-mail send with its delivery
    await db.execute(sql`insert into publications (inspection_id, program_id, published_by)
      select i.id, p.program_id, ${admin} from inspections i join inspection_plans p on p.id = i.plan_id
      where i.status in ('issued', 'follow_up', 'closed') limit 1`);
    await db.execute(
      sql`insert into jobs (kind, key, run_at) values ('notifications.scan', 'scan:backup-test', now())`,
    );
    await db.execute(sql`insert into notification_preferences (user_id, kind, mode)
      select ${admin}, 'report.returned', 'digest'`);
    await db.execute(sql`insert into notification_sends (key, channel, user_id, to_address, status)
      select 'send:backup-test', 'email', ${admin}, 'admin@example.vn', 'sent'`);
    await db.execute(sql`insert into notification_deliveries (notification_id, channel, send_id)
      select (select id from notifications limit 1), 'email', (select id from notification_sends limit 1)`);
    // a conclusion's PDF (made on its first download) and a support program with an enrolled firm and support given
    await db.execute(sql`insert into conclusion_pdfs (conclusion_id, data, sha256, signed)
      select id, ${random.subarray(0, 2000)}, ${'d'.repeat(64)}, false from conclusions limit 1`);
    await db.execute(sql`insert into support_programs (name, legal_basis, period_from, period_to, budget_vnd, kinds)
      values ('Hỗ trợ chuyển đổi số 2026', 'Nghị định 80/2021/NĐ-CP', '2026-01-01', '2026-12-31', 5000000000,
        array['dx_consulting', 'dx_solutions'])`);
    await db.execute(sql`insert into support_enrolments (program_id, enterprise_id, enrolled_on)
      select (select id from support_programs limit 1), id, '2026-02-01' from enterprises limit 1`);
    await db.execute(sql`insert into support_given (enrolment_id, kind, provider, amount_vnd, given_on)
      select id, 'dx_consulting', 'Trung tâm Hỗ trợ doanh nghiệp', 25000000, '2026-03-15' from support_enrolments limit 1`);
    // a verified DX assessment's issued report (the demo verifies none through the service), its code registered
    await db.execute(sql`insert into verification_codes (code, kind) values ('BACKUPTEST12', 'dxReport')`);
    await db.execute(sql`insert into dx_reports (code, assessment_id, year, enterprise_name, issued_date, data, sha256,
        issued_by)
      select 'BACKUPTEST12', a.id, a.year, 'Công ty thử', '2026-03-20', ${random.subarray(0, 3000)}, ${'e'.repeat(64)},
        ${admin} from dx_assessments a limit 1`);
    // the stored file of an admin upload (kept only while its job runs)
    await db.execute(sql`insert into dx_import_files (job_id, seq, data)
      select id, 0, ${random.subarray(0, 1000)} from dx_import_jobs limit 1`);
  } finally {
    await ctx.close();
  }
}

interface Fingerprint {
  tables: Record<string, { rows: number; md5: string }>;
  sequences: Record<string, string | null>;
  /** the restore audit events, and the applied migrations (read in the same visit: each opening costs seconds) */
  restoreEvents: {
    entity_type: string;
    actor_username: string;
    after: { file: string; migrationsApplied: string[] };
  }[];
  migrations: string[];
}

/**
 * Row count and an order-independent checksum of every table (the md5 of its rows' text, sorted), bytea included,
 * and every sequence's position. The restore event is left out of audit_events (the restored side has one more).
 */
async function fingerprint(target: Target): Promise<Fingerprint> {
  return withDb(target, async (db) => {
    const names = rowsOf<{ name: string }>(
      await db.execute(sql`select tablename as name from pg_tables where schemaname = 'public' order by 1`),
    ).map((r) => r.name);
    const tables: Fingerprint['tables'] = {};
    for (const name of names) {
      const where = name === 'audit_events' ? sql.raw(`where action <> 'restore'`) : sql``;
      const [row] = rowsOf<{ rows: number; md5: string }>(
        await db.execute(
          sql`select count(*)::int as rows, md5(coalesce(string_agg(t::text, E'\n' order by t::text), '')) as md5
            from ${sql.identifier(name)} t ${where}`,
        ),
      );
      tables[name] = row;
    }
    const sequences = Object.fromEntries(
      rowsOf<{ name: string; last: string | null }>(
        await db.execute(
          sql`select sequencename as name, last_value::text as last from pg_sequences where schemaname = 'public'`,
        ),
      ).map((r) => [r.name, r.last]),
    );
    const restoreEvents = rowsOf<Fingerprint['restoreEvents'][number]>(
      await db.execute(sql`select entity_type, actor_username, after from audit_events where action = 'restore'`),
    );
    const migrations = rowsOf<{ name: string }>(
      await db.execute(sql`select name from schema_migrations order by name`),
    ).map((r) => r.name);
    return { tables, sequences, restoreEvents, migrations };
  });
}

/** What the restored side must equal: the source, plus the restore event's step of the audit sequence. */
function expectSame(restored: Fingerprint, source: Fingerprint) {
  expect(restored.tables).toEqual(source.tables);
  expect(restored.sequences).toEqual({
    ...source.sequences,
    audit_events_id_seq: String(Number(source.sequences.audit_events_id_seq) + 1),
  });
}

const configOf = (t: Target) => ({ databaseUrl: t.url, dataDir: t.dataDir });

describe(`backup and restore (${engine})`, () => {
  let source: Target;
  let sourcePrint: Fingerprint;
  let file: string;

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'sb-backup-test-'));
    source = await emptyTarget();
    await seedDemo(source);
    sourcePrint = await fingerprint(source);
    file = path.join(work, 'demo.sbk');
    await runBackup(configOf(source), file);
  }, 240_000);

  afterAll(async () => {
    for (const drop of drops) await drop();
    await rm(work, { recursive: true, force: true });
  });

  it('round-trips the demo database: every table has rows and is identical after restore, files included', async () => {
    const empty = Object.entries(sourcePrint.tables).filter(([, t]) => t.rows === 0);
    expect(empty.map(([name]) => name)).toEqual([]);
    expect(Object.keys(sourcePrint.tables).length).toBeGreaterThan(40);

    const target = await emptyTarget();
    const res = await runRestore(configOf(target), file, { force: false });
    expect(res.manifest.engine).toBe(engine);
    expect(res.manifest.migrations).toEqual(await migrationTags());
    expect(res.migrationsApplied).toEqual([]);
    const restored = await fingerprint(target);
    expectSame(restored, sourcePrint);
    expect(restored.restoreEvents).toHaveLength(1);
    expect(restored.restoreEvents[0]).toMatchObject({
      entity_type: 'database',
      actor_username: 'system',
      after: { file: 'demo.sbk' },
    });
  }, 120_000);

  it('refuses a non-empty target without --force and leaves it untouched; with --force replaces it', async () => {
    const target = await emptyTarget();
    await runRestore(configOf(target), file, { force: false });
    // a change after the restore, which a second restore without --force must not lose
    await withDb(target, (db) => db.execute(sql`update programs set title = 'đổi sau khôi phục'`));
    await expect(runRestore(configOf(target), file, { force: false })).rejects.toThrow(
      serverUrl ? /target database is not empty.*--force/ : /already holds a database.*--force/,
    );
    const untouched = await withDb(target, async (db) =>
      rowsOf<{ title: string }>(await db.execute(sql`select distinct title from programs`)),
    );
    expect(untouched).toEqual([{ title: 'đổi sau khôi phục' }]);

    const res = await runRestore(configOf(target), file, { force: true });
    const replaced = await fingerprint(target);
    expectSame(replaced, sourcePrint);
    expect(replaced.restoreEvents).toHaveLength(1);
    if (!serverUrl) {
      // the replaced directory is kept beside, with the change in it
      expect(res.movedAside).toBeDefined();
      expect(existsSync(path.join(res.movedAside!, 'PG_VERSION'))).toBe(true);
    }
  }, 120_000);

  it('a truncated file gives one clear line (no stack trace) from the CLI, and restores nothing', async () => {
    const cut = path.join(work, 'cut.sbk');
    await copyFile(file, cut);
    const { size } = (await openArchive(file)).manifest.payload;
    await truncate(cut, Math.floor(size / 2));
    const target = await emptyTarget();
    const { DATABASE_URL: _, ...env } = process.env;
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, 'restore.ts'), cut], {
      cwd: root,
      encoding: 'utf8',
      env: { ...env, NODE_ENV: 'test', DATA_DIR: target.dataDir, ...(target.url ? { DATABASE_URL: target.url } : {}) },
    });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toMatch(/cut\.sbk is incomplete \(truncated/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    await expectEmpty(target);
  }, 120_000);

  it('a corrupted file is refused by its checksum, and a file that is no backup at all is named so', async () => {
    const bad = path.join(work, 'flipped.sbk');
    const bytes = await readFile(file);
    const { payloadOffset, manifest } = await openArchive(file);
    bytes[payloadOffset + Math.floor(manifest.payload.size / 2)] ^= 0xff;
    await writeFile(bad, bytes);
    const target = await emptyTarget();
    await expect(runRestore(configOf(target), bad, { force: false })).rejects.toThrow(
      /flipped\.sbk is damaged: its database member does not match its checksum/,
    );
    await expectEmpty(target);

    const junk = path.join(work, 'junk.sbk');
    await writeFile(junk, randomBytes(4096));
    await expect(runRestore(configOf(target), junk, { force: false })).rejects.toThrow(
      /junk\.sbk is not a steerboard backup/,
    );
    await expect(runRestore(configOf(target), path.join(work, 'missing.sbk'), { force: false })).rejects.toThrow(
      BackupError,
    );
  }, 120_000);

  it('refuses a backup of the other engine, before connecting to anything', async () => {
    // the target is never reached: the port is closed, the directory is never created
    const other: Target = serverUrl
      ? { dataDir: path.join(work, 'never-created') }
      : { url: 'postgres://nobody@127.0.0.1:1/never', dataDir: '/nonexistent' };
    await expect(runRestore(configOf(other), file, { force: true })).rejects.toThrow(
      serverUrl
        ? /is a backup of a PostgreSQL server, but DATABASE_URL is not set/
        : /is a backup of the embedded database \(PGlite, DATA_DIR\), but DATABASE_URL is set/,
    );
    expect(existsSync(path.join(work, 'never-created'))).toBe(false);
  });

  it('refuses a backup from a newer schema, naming what to do', async () => {
    const archive = await openArchive(file);
    const payload = path.join(work, archive.manifest.payload.name);
    await extractPayload(archive, payload);
    const future = path.join(work, 'future.sbk');
    const { payload: _p, ...rest } = archive.manifest;
    await writeArchive(
      future,
      { ...rest, migrations: [...rest.migrations, '9999_from_the_future'] },
      {
        name: archive.manifest.payload.name,
        path: payload,
      },
    );
    const target = await emptyTarget();
    await expect(runRestore(configOf(target), future, { force: false })).rejects.toThrow(
      /comes from a newer steerboard .*9999_from_the_future.*upgrade steerboard first/,
    );
    await expectEmpty(target);
  }, 120_000);

  it('applies the migrations an older backup lacks', async () => {
    // a database one migration behind: the committed migrations but the last
    const tags = await migrationTags();
    const older = path.join(work, 'older-migrations');
    await mkdir(path.join(older, 'meta'), { recursive: true });
    const migrations = path.join(here, '../db/migrations');
    for (const tag of tags.slice(0, -1))
      await copyFile(path.join(migrations, `${tag}.sql`), path.join(older, `${tag}.sql`));
    await writeFile(
      path.join(older, 'meta', '_journal.json'),
      JSON.stringify({ entries: tags.slice(0, -1).map((tag, idx) => ({ idx, tag })) }),
    );
    const old = await emptyTarget();
    await withDb(old, (db) => migrate(db, older));
    const oldFile = path.join(work, 'older.sbk');
    const m = await backupDatabase(old, oldFile);
    expect(m.migrations).toEqual(tags.slice(0, -1));

    const target = await emptyTarget();
    const res = await runRestore(configOf(target), oldFile, { force: false });
    expect(res.migrationsApplied).toEqual(tags.slice(-1));
    const restored = await fingerprint(target);
    expect(restored.migrations).toEqual(tags);
    expect(restored.restoreEvents[0].after.migrationsApplied).toEqual(tags.slice(-1));
  }, 120_000);

  it.skipIf(serverUrl)(
    'refuses to back up or restore while the app holds the data directory',
    async () => {
      // a live process (our parent) named in the lock, as the running app would be
      const lock = path.join(source.dataDir, LOCK_FILE);
      await writeFile(lock, `${process.ppid}\n`);
      try {
        await expect(runBackup(configOf(source), path.join(work, 'while-running.sbk'))).rejects.toThrow(
          /steerboard seems to be running on DATA_DIR .*stop it before you back up/,
        );
        await expect(runRestore(configOf(source), file, { force: true })).rejects.toThrow(/stop it before you restore/);
        expect(existsSync(path.join(work, 'while-running.sbk'))).toBe(false);
      } finally {
        await rm(lock, { force: true });
      }
      expect(await fingerprint(source)).toEqual(sourcePrint);
    },
    120_000,
  );
});

describe("the PostgreSQL tools of the server's version", () => {
  it('names the client package to install when no pg_dump of that major version is found', () => {
    expect(() => findPgTool('pg_dump', 99)).toThrow(
      /server is version 99 and no pg_dump 99 was found .*install the PostgreSQL 99 client tools, e\.g\. apt-get install postgresql-client-99$/,
    );
  });

  it.skipIf(!existsSync('/usr/lib/postgresql/15/bin/pg_restore'))("takes Debian's binary of that version", () => {
    expect(findPgTool('pg_restore', 15)).toBe('/usr/lib/postgresql/15/bin/pg_restore');
  });
});

/** Nothing was restored: no table on the server, no database in the directory. */
async function expectEmpty(target: Target) {
  if (target.url) {
    const tables = await withDb(target, async (db) =>
      rowsOf(await db.execute(sql`select tablename from pg_tables where schemaname = 'public'`)),
    );
    expect(tables).toEqual([]);
  } else {
    expect(existsSync(path.join(target.dataDir, 'PG_VERSION'))).toBe(false);
  }
}
