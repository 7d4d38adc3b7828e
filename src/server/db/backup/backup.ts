import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { openDb, rowsOf, type Db } from '../client.js';
import { LOCK_FILE, lockDataDir } from '../dir-lock.js';
import { migrationTags } from '../migrate.js';
import * as schema from '../schema/index.js';
import {
  BackupError,
  extractPayload,
  openArchive,
  readPayload,
  writeArchive,
  type Manifest,
  type OpenedArchive,
} from './archive.js';

export { BackupError, type Manifest } from './archive.js';

/** Where the database is: a PostgreSQL server (`url`) or an embedded PGlite directory (`dataDir`), as in config. */
export interface Target {
  url?: string;
  dataDir: string;
}

const packageJson = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../package.json');
const appVersion = async () => (JSON.parse(await readFile(packageJson, 'utf8')) as { version: string }).version;

async function describeDb(db: Db) {
  const [found] = rowsOf<{ t: string | null }>(
    await db.execute(sql`select to_regclass('schema_migrations')::text as t`),
  );
  if (!found.t)
    throw new BackupError('this database holds no steerboard data (no schema_migrations table): nothing to back up');
  const migrations = rowsOf<{ name: string }>(
    await db.execute(sql`select name from schema_migrations order by applied_at, name`),
  ).map((r) => r.name);
  const [v] = rowsOf<{ num: string; version: string }>(
    await db.execute(sql`select current_setting('server_version_num') as num, version() as version`),
  );
  return { migrations, postgresVersionNum: Number(v.num), version: v.version };
}

const major = (versionNum: number) => Math.floor(versionNum / 10000);

/** Writes a backup of the database to `file`; returns its manifest. */
export async function backupDatabase(target: Target, file: string): Promise<Manifest> {
  return target.url ? backupPostgres(target.url, file) : backupPglite(target.dataDir, file);
}

/**
 * Restores `file` into the target, which must hold no database unless `force`. `afterLoad` runs on the restored
 * database before it replaces anything (pending migrations, the audit event); on PGlite the previous directory is
 * moved aside, not deleted, and its new place is returned.
 */
export async function restoreDatabase(
  target: Target,
  file: string,
  opts: { force: boolean; afterLoad: (db: Db, manifest: Manifest) => Promise<void> },
): Promise<{ manifest: Manifest; movedAside?: string }> {
  const archive = await openArchive(file);
  const { manifest } = archive;
  const engine = target.url ? 'postgres' : 'pglite';
  if (manifest.engine !== engine) {
    throw new BackupError(
      manifest.engine === 'pglite'
        ? `${file} is a backup of the embedded database (PGlite, DATA_DIR), but DATABASE_URL is set: unset it to restore into DATA_DIR (restore does not move data between engines)`
        : `${file} is a backup of a PostgreSQL server, but DATABASE_URL is not set: set it to the (empty) database to restore into (restore does not move data between engines)`,
    );
  }
  const known = await migrationTags();
  const unknown = manifest.migrations.filter((m) => !known.includes(m));
  if (unknown.length) {
    throw new BackupError(
      `${file} comes from a newer steerboard (${manifest.appVersion}) whose schema this version does not know (migrations ${unknown.join(', ')}): upgrade steerboard first, then restore`,
    );
  }
  return target.url
    ? { manifest, ...(await restorePostgres(target.url, archive, opts)) }
    : { manifest, ...(await restorePglite(target.dataDir, archive, opts)) };
}

// ---------------------------------------------------------------------------------------------------------------
// PostgreSQL: pg_dump / pg_restore of the server's own major version

/** The URL without its password (visible to every local user in `ps` otherwise), which goes in PGPASSWORD. */
function connection(url: string) {
  const u = new URL(url);
  const env: NodeJS.ProcessEnv = { ...process.env, PGAPPNAME: 'steerboard-backup' };
  if (u.password) {
    env.PGPASSWORD = decodeURIComponent(u.password);
    u.password = '';
  }
  return { uri: u.toString(), env };
}

async function withServer<T>(url: string, fn: (db: Db) => Promise<T>): Promise<T> {
  let handle;
  try {
    handle = await openDb({ url });
    await handle.db.execute(sql`select 1`);
  } catch (e) {
    await handle?.close();
    throw new BackupError(`cannot connect to the database of DATABASE_URL: ${(e as Error).message}`);
  }
  try {
    return await fn(handle.db);
  } finally {
    await handle.close();
  }
}

/**
 * The pg_dump/pg_restore/psql matching the server's major version: a pg_dump older than the server refuses to dump
 * it, and an archive written by a newer pg_dump cannot be read by an older pg_restore. Debian/Ubuntu install each
 * major beside the others under /usr/lib/postgresql/<major>/bin, RHEL under /usr/pgsql-<major>/bin; PATH comes last.
 */
export function findPgTool(name: 'pg_dump' | 'pg_restore' | 'psql', serverMajor: number): string {
  const dirs = [
    `/usr/lib/postgresql/${serverMajor}/bin`,
    `/usr/pgsql-${serverMajor}/bin`,
    `/opt/homebrew/opt/postgresql@${serverMajor}/bin`,
    `/usr/local/opt/postgresql@${serverMajor}/bin`,
    ...(process.env.PATH ?? '').split(path.delimiter).filter(Boolean),
  ];
  for (const dir of dirs) {
    const bin = path.join(dir, name);
    if (!existsSync(bin)) continue;
    const out = spawnSync(bin, ['--version'], { encoding: 'utf8' });
    const m = /\(PostgreSQL\)\s+(\d+)/.exec(out.stdout ?? '');
    if (m && Number(m[1]) === serverMajor) return bin;
  }
  throw new BackupError(
    `the PostgreSQL server is version ${serverMajor} and no ${name} ${serverMajor} was found (looked in /usr/lib/postgresql/${serverMajor}/bin, /usr/pgsql-${serverMajor}/bin and PATH): install the PostgreSQL ${serverMajor} client tools, e.g. apt-get install postgresql-client-${serverMajor}`,
  );
}

/** Runs a tool to completion; a failure becomes one line naming the tool and its first error lines. */
function run(bin: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (e) => reject(new BackupError(`${path.basename(bin)} could not start: ${e.message}`)));
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new BackupError(`${path.basename(bin)} failed: ${firstLines(stderr)}`)),
    );
  });
}

const firstLines = (text: string) => text.trim().split('\n').slice(0, 3).join(' / ') || 'no message (exit code only)';

async function backupPostgres(url: string, file: string): Promise<Manifest> {
  const before = await withServer(url, describeDb);
  const pgDump = findPgTool('pg_dump', major(before.postgresVersionNum));
  const { uri, env } = connection(url);
  const work = await mkdtemp(path.join(tmpdir(), 'steerboard-backup-'));
  try {
    const dump = path.join(work, 'database.pgdump');
    // pg_dump reads everything in one repeatable-read snapshot, so the app keeps running during a backup
    await run(pgDump, ['--format=custom', '--file', dump, '--dbname', uri], env);
    const after = await withServer(url, describeDb);
    // the manifest must describe the schema inside the dump: an upgrade that migrated during the dump would not
    if (after.migrations.join() !== before.migrations.join()) {
      throw new BackupError('the schema was migrated while the backup ran (an upgrade?): run the backup again');
    }
    const version = spawnSync(pgDump, ['--version'], { encoding: 'utf8' }).stdout.trim();
    return await writeArchive(
      file,
      {
        format: 'steerboard-backup',
        formatVersion: 1,
        engine: 'postgres',
        createdAt: new Date().toISOString(),
        appVersion: await appVersion(),
        migrations: before.migrations,
        postgresVersionNum: before.postgresVersionNum,
        tool: version,
      },
      { name: 'database.pgdump', path: dump },
    );
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function restorePostgres(
  url: string,
  archive: OpenedArchive,
  opts: { force: boolean; afterLoad: (db: Db, manifest: Manifest) => Promise<void> },
): Promise<{ movedAside?: undefined }> {
  const { manifest, file } = archive;
  const state = await withServer(url, async (db) => {
    const [row] = rowsOf<{ num: string; objects: number }>(
      await db.execute(sql`select current_setting('server_version_num') as num,
        (select count(*)::int from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')) as objects`),
    );
    return { serverMajor: major(Number(row.num)), objects: row.objects };
  });
  if (major(manifest.postgresVersionNum) > state.serverMajor) {
    throw new BackupError(
      `${file} was made from PostgreSQL ${major(manifest.postgresVersionNum)}; this server runs ${state.serverMajor}, and pg_restore cannot go back a version: restore into PostgreSQL ${major(manifest.postgresVersionNum)} or later`,
    );
  }
  if (state.objects > 0 && !opts.force) {
    throw new BackupError(
      `the target database is not empty (${state.objects} tables, views or sequences in schema public): restoring replaces all of it. Back it up first (npm run backup -- FILE), then run restore again with --force`,
    );
  }
  const pgRestore = findPgTool('pg_restore', state.serverMajor);
  const psql = findPgTool('psql', state.serverMajor);
  const work = await mkdtemp(path.join(tmpdir(), 'steerboard-restore-'));
  try {
    const dump = path.join(work, 'database.pgdump');
    await extractPayload(archive, dump);
    await pipeRestore(pgRestore, psql, dump, url, opts.force ? state.serverMajor : null);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  await withServer(url, (db) => opts.afterLoad(db, manifest));
  return {};
}

/**
 * pg_restore writes the archive as SQL into psql, inside one transaction that this code opens and commits only once
 * pg_restore has finished without error: a failed or cut-short restore rolls back and leaves the target as it was
 * (psql's own --single-transaction would commit whatever arrived before the input ended). With `force`, the old
 * contents are dropped in that same transaction; `public` is recreated as `initdb` makes it for that major version.
 */
function pipeRestore(pgRestore: string, psql: string, dump: string, url: string, forceMajor: number | null) {
  const { uri, env } = connection(url);
  return new Promise<void>((resolve, reject) => {
    const reader = spawn(pgRestore, ['--no-owner', '--no-privileges', '--file=-', dump], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const writer = spawn(psql, ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '--dbname', uri], {
      env,
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    let readerErr = '';
    let writerErr = '';
    reader.stderr.on('data', (d: Buffer) => (readerErr += d.toString()));
    writer.stderr.on('data', (d: Buffer) => (writerErr += d.toString()));
    // psql stops at the first error and closes its input; the resulting EPIPE is reported through psql's message
    writer.stdin.on('error', () => {});
    let readerCode: number | null = null;
    reader.on('error', (e) => reject(new BackupError(`pg_restore could not start: ${e.message}`)));
    writer.on('error', (e) => reject(new BackupError(`psql could not start: ${e.message}`)));
    writer.stdin.write('begin;\n');
    if (forceMajor !== null) {
      writer.stdin.write(
        forceMajor >= 15
          ? 'drop schema public cascade;\ncreate schema public authorization pg_database_owner;\ngrant usage on schema public to public;\n'
          : 'drop schema public cascade;\ncreate schema public;\ngrant all on schema public to public;\n',
      );
    }
    reader.stdout.pipe(writer.stdin, { end: false });
    reader.on('close', (code) => {
      readerCode = code;
      // only a complete script is committed; ending the input without commit makes psql roll back
      writer.stdin.end(code === 0 ? 'commit;\n' : undefined);
    });
    writer.on('close', (code) => {
      if (readerCode !== 0) reject(new BackupError(`pg_restore failed, nothing restored: ${firstLines(readerErr)}`));
      else if (code !== 0) reject(new BackupError(`restore failed, nothing restored: ${firstLines(writerErr)}`));
      else resolve();
    });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// PGlite: the data directory itself, copied while no other process has it open

/** Takes the directory's lock, with the reason spelled out when the app holds it. */
function lockForBackup(dataDir: string, doing: string) {
  try {
    return lockDataDir(dataDir);
  } catch (e) {
    throw new BackupError(
      `steerboard seems to be running on DATA_DIR (${dataDir}): stop it before you ${doing} (embedded PostgreSQL allows one process; ${(e as Error).message})`,
    );
  }
}

async function openPglite(dir: string, loadDataDir?: Blob) {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const client = await PGlite.create(dir, loadDataDir ? { loadDataDir } : {});
  return { client, db: drizzle(client, { schema }) as unknown as Db };
}

async function backupPglite(dataDir: string, file: string): Promise<Manifest> {
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    throw new BackupError(`there is no database in DATA_DIR (${dataDir}): nothing to back up`);
  }
  const release = lockForBackup(dataDir, 'back up');
  try {
    const { client, db } = await openPglite(dataDir);
    let info: Awaited<ReturnType<typeof describeDb>>;
    let bytes: Buffer;
    try {
      info = await describeDb(db);
      // a checkpoint first: the copy then needs no WAL replay when it is loaded
      await client.exec('checkpoint');
      bytes = Buffer.from(await (await client.dumpDataDir('gzip')).arrayBuffer());
    } finally {
      await client.close();
    }
    return await writeArchive(
      file,
      {
        format: 'steerboard-backup',
        formatVersion: 1,
        engine: 'pglite',
        createdAt: new Date().toISOString(),
        appVersion: await appVersion(),
        migrations: info.migrations,
        postgresVersionNum: info.postgresVersionNum,
        tool: `PGlite dumpDataDir (${info.version})`,
      },
      { name: 'pgdata.tar.gz', bytes },
    );
  } finally {
    release();
  }
}

/**
 * Loads the backup into a new directory beside DATA_DIR, runs `afterLoad` there, and only then moves it in place
 * (with `force`, the previous contents are moved aside first): a restore that fails leaves DATA_DIR as it was.
 * DATA_DIR's lock is held throughout, so the app cannot start on a half-restored directory.
 */
async function restorePglite(
  dataDir: string,
  archive: OpenedArchive,
  opts: { force: boolean; afterLoad: (db: Db, manifest: Manifest) => Promise<void> },
): Promise<{ movedAside?: string }> {
  const { manifest, file } = archive;
  const release = lockForBackup(dataDir, 'restore');
  try {
    const existing = (await readdir(dataDir)).filter((n) => n !== LOCK_FILE);
    if (existing.length && !opts.force) {
      const what = existing.includes('PG_VERSION')
        ? 'already holds a database'
        : `is not empty (${existing.slice(0, 3).join(', ')}${existing.length > 3 ? ', …' : ''})`;
      throw new BackupError(
        `DATA_DIR (${dataDir}) ${what}: restoring replaces it. Run restore again with --force to move it aside (to ${dataDir}.before-restore-…) and restore`,
      );
    }
    const bytes = await readPayload(archive);
    const absolute = path.resolve(dataDir);
    const staging = await mkdtemp(`${absolute}.restoring-`);
    try {
      let opened;
      try {
        opened = await openPglite(staging, new Blob([bytes]));
      } catch (e) {
        throw new BackupError(
          `${file} could not be loaded (made by ${manifest.tool}; this steerboard may embed another PostgreSQL version): ${(e as Error).message}`,
        );
      }
      try {
        await opts.afterLoad(opened.db, manifest);
        await opened.client.exec('checkpoint');
      } finally {
        await opened.client.close();
      }
      // the copy carries the lock file of the process that made it
      await rm(path.join(staging, LOCK_FILE), { force: true });
      let movedAside: string | undefined;
      if (existing.length) {
        movedAside = `${absolute}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
        await mkdir(movedAside);
        for (const name of existing) await rename(path.join(dataDir, name), path.join(movedAside, name));
      }
      for (const name of await readdir(staging)) await rename(path.join(staging, name), path.join(dataDir, name));
      return { movedAside };
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  } finally {
    release();
  }
}
