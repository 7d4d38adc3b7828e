import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDb, rowsOf } from './client.js';
import { migrate } from './migrate.js';

async function migrationsDir(files: Record<string, string>) {
  const dir = await mkdtemp(path.join(tmpdir(), 'migrations-'));
  await mkdir(path.join(dir, 'meta'));
  const entries = Object.keys(files).map((tag, idx) => ({ idx, tag }));
  await writeFile(path.join(dir, 'meta', '_journal.json'), JSON.stringify({ entries }));
  for (const [tag, text] of Object.entries(files)) await writeFile(path.join(dir, `${tag}.sql`), text);
  return dir;
}

describe('migrate', () => {
  it('runs each migration in its own transaction: a failing one keeps the ones before it', async () => {
    const dir = await migrationsDir({
      '0000_good': 'create table probe_a (id int)',
      '0001_bad': 'create table probe_b (id int);\n--> statement-breakpoint\nselect * from no_such_table',
    });
    const handle = await openDb({ dataDir: 'memory://' });
    try {
      await expect(migrate(handle.db, dir)).rejects.toThrow();
      const applied = rowsOf<{ name: string }>(await handle.db.execute(sql`select name from schema_migrations`));
      expect(applied.map((r) => r.name)).toEqual(['0000_good']);
      const tables = rowsOf<{ name: string }>(
        await handle.db.execute(sql`select tablename as name from pg_tables where tablename like 'probe_%'`),
      );
      expect(tables.map((r) => r.name)).toEqual(['probe_a']);
      // two instances starting together: each migration runs once
      const [a, b] = await Promise.all([
        migrate(
          handle.db,
          await migrationsDir({ '0000_good': 'select 1', '0002_more': 'create table probe_c (id int)' }),
        ),
        migrate(
          handle.db,
          await migrationsDir({ '0000_good': 'select 1', '0002_more': 'create table probe_c (id int)' }),
        ),
      ]);
      expect([...a, ...b]).toEqual(['0002_more']);
    } finally {
      await handle.close();
    }
  });
});
