import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { rowsOf, type Db, type DbOrTx } from '../db/client.js';
import { jobs } from '../db/schema/index.js';
import type { Clock } from '../lib/clock.js';

/**
 * The job runner: rows in `jobs`, shared by every instance, on PostgreSQL and PGlite alike.
 *
 * Why not pg-boss or graphile-worker: both need a PostgreSQL server (LISTEN/NOTIFY, their own schema installed with
 * server-only features and many connections), so neither runs on embedded PGlite, the default engine; this is about
 * one hundred lines of SQL that run on both (docs/architecture.md, "Background jobs").
 *
 * - A job is claimed with `FOR UPDATE SKIP LOCKED` and held for a lease (`locked_until`): two instances never take
 *   the same row, and a row whose lease ran out (its instance died mid-job) is claimed again by the next tick.
 * - A scheduled job is one row per slot: its key names the slot (`notifications.scan@2026-12-03T09`), inserted with
 *   `ON CONFLICT DO NOTHING`, so however many instances tick, each slot runs once.
 * - A failure is retried with exponential back-off (`backoffMs · 2^(attempt−1)`, at most an hour) up to
 *   `max_attempts`, then the row stays `failed` with its last error.
 * Handlers run outside any transaction and must be safe to run again after a lost lease (the notifications' unique
 * keys and send states make theirs so).
 */
export interface JobContext {
  id: string;
  key: string;
  attempts: number;
  maxAttempts: number;
}
export type JobHandler = (payload: unknown, job: JobContext) => Promise<void>;

/** A recurring job: the slot `now` falls in (its key and when it may run), or null when none is due yet. */
export interface Schedule {
  kind: string;
  slot(now: Date): { key: string; runAt: Date } | null;
}

export interface JobRunnerOptions {
  db: Db;
  clock: Clock;
  /** how long a claimed job is held before another instance may take it again */
  leaseMs?: number;
  backoffMs?: number;
  instanceId?: string;
}

interface ClaimedRow {
  id: string;
  kind: string;
  key: string;
  payload: unknown;
  attempts: number;
  max_attempts: number;
}

const iso = (d: Date) => d.toISOString();
/** the runner's own housekeeping, left out of what `runDue` reports */
const internal = (kind: string) => kind.startsWith('jobs.');
/** how long a finished job's row is kept */
const KEEP_FINISHED_MS = 30 * 86_400_000;

export function createJobRunner({ db, clock, leaseMs = 5 * 60_000, backoffMs = 60_000, instanceId }: JobRunnerOptions) {
  const me = instanceId ?? `instance-${randomUUID()}`;
  const handlers = new Map<string, JobHandler>();
  const schedules: Schedule[] = [];
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;

  async function enqueue(
    tx: DbOrTx,
    job: { kind: string; key: string; payload?: unknown; runAt?: Date; maxAttempts?: number },
  ): Promise<boolean> {
    const rows = await tx
      .insert(jobs)
      .values({
        kind: job.kind,
        key: job.key,
        payload: job.payload ?? {},
        runAt: job.runAt ?? clock.now(),
        maxAttempts: job.maxAttempts ?? 5,
      })
      .onConflictDoNothing({ target: jobs.key })
      .returning({ id: jobs.id });
    return rows.length > 0;
  }

  async function claim(now: Date): Promise<ClaimedRow | undefined> {
    const result = await db.execute(sql`
      update jobs set status = 'running', attempts = attempts + 1, locked_by = ${me},
        locked_until = ${iso(new Date(now.getTime() + leaseMs))}::timestamptz
      where id = (
        select id from jobs
        where (status = 'pending' and run_at <= ${iso(now)}::timestamptz)
           or (status = 'running' and locked_until < ${iso(now)}::timestamptz)
        order by run_at limit 1
        for update skip locked)
      returning id, kind, key, payload, attempts, max_attempts`);
    return rowsOf<ClaimedRow>(result)[0];
  }

  /** Ends a job this instance still holds (a lost lease makes it a no-op: the other holder decides). */
  async function finish(job: ClaimedRow, error?: unknown) {
    const now = clock.now();
    if (error === undefined) {
      await db.execute(sql`update jobs set status = 'done', finished_at = ${iso(now)}::timestamptz,
        locked_by = null, locked_until = null where id = ${job.id} and locked_by = ${me} and status = 'running'`);
      return;
    }
    const message = (error instanceof Error ? error.message : JSON.stringify(error)).slice(0, 2000);
    const last = job.attempts >= job.max_attempts;
    const retryAt = new Date(now.getTime() + Math.min(backoffMs * 2 ** (job.attempts - 1), 3_600_000));
    await db.execute(sql`update jobs set status = ${last ? 'failed' : 'pending'}, last_error = ${message},
        run_at = ${iso(last ? now : retryAt)}::timestamptz, finished_at = ${last ? iso(now) : null}::timestamptz,
        locked_by = null, locked_until = null
      where id = ${job.id} and locked_by = ${me} and status = 'running'`);
  }

  /** Inserts the current slot of every schedule (once across instances), then runs every due job until none is left. */
  async function runDue(opts: { limit?: number } = {}): Promise<{ ran: number; failed: number }> {
    const now = clock.now();
    for (const s of schedules) {
      const slot = s.slot(now);
      if (slot) await enqueue(db, { kind: s.kind, key: slot.key, runAt: slot.runAt, maxAttempts: 3 });
    }
    let ran = 0;
    let failed = 0;
    for (let i = 0; i < (opts.limit ?? 1000); i++) {
      const job = await claim(clock.now());
      if (!job) break;
      const handler = handlers.get(job.kind);
      const ctx = { id: job.id, key: job.key, attempts: job.attempts, maxAttempts: job.max_attempts };
      try {
        if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
        await handler(job.payload, ctx);
        await finish(job);
        if (!internal(job.kind)) ran++;
      } catch (e) {
        await finish(job, e);
        if (!internal(job.kind)) failed++;
      }
    }
    return { ran, failed };
  }

  // finished rows are kept a while for the record, then pruned (a slot's or a send's key never comes back)
  handlers.set('jobs.prune', async () => {
    const before = new Date(clock.now().getTime() - KEEP_FINISHED_MS).toISOString();
    await db.execute(sql`delete from jobs where status in ('done', 'failed') and finished_at < ${before}::timestamptz`);
  });
  schedules.push(dailyAt('jobs.prune', 3));

  return {
    instanceId: me,
    register(kind: string, handler: JobHandler) {
      handlers.set(kind, handler);
    },
    schedule(s: Schedule) {
      schedules.push(s);
    },
    enqueue,
    runDue,
    /** JOBS=on: tick every `everyMs` (each tick after the previous one ended); errors go to `onError`. */
    start(opts: { everyMs?: number; onError: (e: unknown) => void }) {
      stopped = false;
      const tick = () => {
        running = runDue()
          .catch(opts.onError)
          .finally(() => {
            if (!stopped) timer = setTimeout(tick, opts.everyMs ?? 30_000);
          });
      };
      timer = setTimeout(tick, 1_000);
    },
    /** Stops ticking and waits for the job in hand (its row is finished; a cut-off one is retaken after its lease). */
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
export type JobRunner = ReturnType<typeof createJobRunner>;

/** Hanoi wall-clock parts of an instant (UTC+7, no daylight saving). */
export function hanoiParts(d: Date) {
  const h = new Date(d.getTime() + 7 * 3600_000);
  return { date: h.toISOString().slice(0, 10), hour: h.getUTCHours() };
}

/** Every hour: the slot is the Hanoi hour now falls in. */
export const hourly = (kind: string): Schedule => ({
  kind,
  slot(now) {
    const { date, hour } = hanoiParts(now);
    const runAt = new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+07:00`);
    return { key: `${kind}@${date}T${String(hour).padStart(2, '0')}`, runAt };
  },
});

/** Every day at `hour`:00 Hanoi time: before it, no slot yet today. */
export const dailyAt = (kind: string, hour: number): Schedule => ({
  kind,
  slot(now) {
    const p = hanoiParts(now);
    if (p.hour < hour) return null;
    return { key: `${kind}@${p.date}`, runAt: new Date(`${p.date}T${String(hour).padStart(2, '0')}:00:00+07:00`) };
  },
});
