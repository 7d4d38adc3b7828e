import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from './client.js';

const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
// any constant works: it only has to be the same for every instance of the app
const LOCK_KEY = 7_042_024;

interface Journal {
  entries: { idx: number; tag: string }[];
}

/** The tags of the committed migrations, in order (what a backup's migration list is checked against). */
export async function migrationTags(dir = migrationsDir): Promise<string[]> {
  const journal = JSON.parse(await readFile(path.join(dir, 'meta', '_journal.json'), 'utf8')) as Journal;
  return [...journal.entries].sort((a, b) => a.idx - b.idx).map((e) => e.tag);
}

/**
 * Applies the committed SQL migrations (written by drizzle-kit) in order, each in its own transaction: a failing one
 * leaves the ones before it applied. Each transaction takes the advisory lock and checks again that its migration is
 * still pending, so several app instances can start at once against one server and each migration runs once.
 */
export async function migrate(db: Db, dir = migrationsDir): Promise<string[]> {
  const applied: string[] = [];
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_KEY})`);
    await tx.execute(
      sql`create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now())`,
    );
  });
  for (const tag of await migrationTags(dir)) {
    const text = await readFile(path.join(dir, `${tag}.sql`), 'utf8');
    await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_KEY})`);
      const done = await tx.execute(sql`select 1 from schema_migrations where name = ${tag}`);
      if (rowsOf(done).length) return;
      for (const statement of text.split('--> statement-breakpoint')) {
        if (statement.trim()) await tx.execute(sql.raw(statement));
      }
      await tx.execute(sql`insert into schema_migrations (name) values (${tag})`);
      applied.push(tag);
    });
  }
  return applied;
}

/** The committed migrations this build has that the database has not recorded as applied (readiness). */
export async function pendingMigrations(db: Db, dir = migrationsDir): Promise<string[]> {
  const journal = JSON.parse(await readFile(path.join(dir, 'meta', '_journal.json'), 'utf8')) as Journal;
  let done: { name: string }[];
  try {
    done = rowsOf<{ name: string }>(await db.execute(sql`select name from schema_migrations`));
  } catch {
    // no table yet: nothing applied
    done = [];
  }
  const applied = new Set(done.map((r) => r.name));
  return journal.entries.map((e) => e.tag).filter((tag) => !applied.has(tag));
}
