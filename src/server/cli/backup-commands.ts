import path from 'node:path';
import type { Config } from '../config.js';
import { backupDatabase, restoreDatabase, type Manifest } from '../db/backup/backup.js';
import type { Db } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { SYSTEM_ACTOR } from '../http/authorize.js';
import { createAuditRepo } from '../modules/audit/audit.repo.js';
import { createAuditService } from '../modules/audit/audit.service.js';

/** `npm run backup -- FILE`: the database the app would open with this config, written to FILE. */
export async function runBackup(config: Pick<Config, 'databaseUrl' | 'dataDir'>, file: string): Promise<Manifest> {
  return backupDatabase({ url: config.databaseUrl, dataDir: config.dataDir }, file);
}

/**
 * `npm run restore -- FILE [--force]`. After the data is back, the migrations this version has and the backup lacks
 * are applied, and the audit log gets one `restore` event by the system actor: every record after it was written
 * after the restore, and the events before it are those of the backup (what happened in between is gone, and the
 * log says so). A backup writes no event: it changes nothing, can run with a read-only role, and cron's log is its
 * record.
 */
export async function runRestore(
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
  file: string,
  opts: { force: boolean },
): Promise<{ manifest: Manifest; migrationsApplied: string[]; movedAside?: string }> {
  let migrationsApplied: string[] = [];
  const audit = createAuditService({ repo: createAuditRepo() });
  const afterLoad = async (db: Db, manifest: Manifest) => {
    migrationsApplied = await migrate(db);
    await db.transaction(async (tx) => {
      await audit.record(tx, SYSTEM_ACTOR, {
        action: 'restore',
        entityType: 'database',
        entityId: manifest.createdAt,
        after: {
          file: path.basename(file),
          backupCreatedAt: manifest.createdAt,
          backupAppVersion: manifest.appVersion,
          engine: manifest.engine,
          migrationsApplied,
        },
      });
    });
  };
  const res = await restoreDatabase({ url: config.databaseUrl, dataDir: config.dataDir }, file, {
    force: opts.force,
    afterLoad,
  });
  return { ...res, migrationsApplied };
}
