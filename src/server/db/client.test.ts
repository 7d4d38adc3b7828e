import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDb, rowsOf } from './client.js';

describe('embedded database on disk', () => {
  it('is checkpointed on a timer, so its WAL does not grow without end (PGlite has no checkpointer)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sb-checkpoint-'));
    const handle = await openDb({ dataDir: dir, checkpointEveryMs: 100 });
    try {
      const lsn = async () =>
        String(
          rowsOf<{ l: string }>(
            await handle.db.execute(sql`select checkpoint_lsn::text as l from pg_control_checkpoint()`),
          )[0].l,
        );
      const before = await lsn();
      await handle.db.execute(
        sql`create table t as select g, repeat('x', 500) as pad from generate_series(1, 20000) g`,
      );
      let after = before;
      for (let i = 0; i < 50 && after === before; i++) {
        await new Promise((r) => setTimeout(r, 100));
        after = await lsn();
      }
      expect(after).not.toBe(before);
    } finally {
      await handle.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
