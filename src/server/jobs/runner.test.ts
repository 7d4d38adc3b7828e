import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { jobs } from '../db/schema/index.js';
import { createTestContext, type TestContext } from '../test/test-app.js';
import type { Clock } from '../lib/clock.js';
import { hanoiDate } from '../lib/clock.js';
import { createJobRunner, dailyAt, hourly } from './runner.js';

/** A clock the test moves. */
function movableClock(iso: string): Clock & { set(iso: string): void; add(ms: number): void } {
  let at = new Date(iso);
  return {
    now: () => new Date(at),
    today: () => hanoiDate(at),
    set: (s) => (at = new Date(s)),
    add: (ms) => (at = new Date(at.getTime() + ms)),
  };
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ demo: false });
}, 120_000);
afterAll(async () => ctx?.close());

describe('job runner', () => {
  it('two runners claiming at once run each job exactly once', async () => {
    const clock = movableClock('2026-03-02T01:00:00Z');
    const db = ctx.handle.db;
    const seen: string[] = [];
    const a = createJobRunner({ db, clock, instanceId: 'a' });
    const b = createJobRunner({ db, clock, instanceId: 'b' });
    for (const r of [a, b])
      r.register('t.once', async (payload) => {
        await sleep(5); // hold the row while the other runner looks for work
        seen.push((payload as { n: string }).n);
      });
    for (let i = 0; i < 20; i++) await a.enqueue(db, { kind: 't.once', key: `once-${i}`, payload: { n: `${i}` } });
    // the same key twice is one job
    expect(await b.enqueue(db, { kind: 't.once', key: 'once-0', payload: { n: 'dup' } })).toBe(false);
    const [ra, rb] = await Promise.all([a.runDue(), b.runDue()]);
    expect(ra.ran + rb.ran).toBe(20);
    expect([...seen].sort()).toEqual([...Array(20).keys()].map(String).sort());
    if (ctx.handle.kind === 'postgres') expect(ra.ran > 0 && rb.ran > 0, 'both runners took work').toBe(true);
  });

  it('retakes a job whose lease ran out (its instance died), and the dead holder cannot finish it', async () => {
    const clock = movableClock('2026-03-02T02:00:00Z');
    const db = ctx.handle.db;
    let release!: () => void;
    const hung = new Promise<void>((r) => (release = r));
    const dying = createJobRunner({ db, clock, instanceId: 'dying', leaseMs: 60_000 });
    dying.register('t.lease', () => hung);
    const other = createJobRunner({ db, clock, instanceId: 'other', leaseMs: 60_000 });
    let runs = 0;
    other.register('t.lease', async () => {
      runs++;
    });
    await dying.enqueue(db, { kind: 't.lease', key: 'lease-1' });
    const first = dying.runDue(); // claims it and hangs
    await sleep(50);
    expect((await other.runDue()).ran, 'held by its lease').toBe(0);
    clock.add(61_000);
    expect((await other.runDue()).ran).toBe(1);
    expect(runs).toBe(1);
    release();
    await first;
    const [row] = await db.select().from(jobs).where(eq(jobs.key, 'lease-1'));
    expect(row).toMatchObject({ status: 'done', attempts: 2, lockedBy: null });
  });

  it('retries a failure with exponential back-off, then leaves it failed with its error', async () => {
    const clock = movableClock('2026-03-02T03:00:00Z');
    const db = ctx.handle.db;
    const r = createJobRunner({ db, clock, backoffMs: 1000 });
    let calls = 0;
    r.register('t.fail', async () => {
      calls++;
      throw new Error('SMTP down');
    });
    await r.enqueue(db, { kind: 't.fail', key: 'fail-1', maxAttempts: 3 });
    expect(await r.runDue()).toEqual({ ran: 0, failed: 1 });
    expect((await r.runDue()).failed, 'not before its back-off').toBe(0);
    clock.add(1000);
    expect((await r.runDue()).failed).toBe(1);
    clock.add(1999);
    expect((await r.runDue()).failed, 'the second wait doubles').toBe(0);
    clock.add(1);
    expect((await r.runDue()).failed).toBe(1);
    clock.add(3_600_000);
    expect((await r.runDue()).failed, 'no attempts left').toBe(0);
    expect(calls).toBe(3);
    const [row] = await db.select().from(jobs).where(eq(jobs.key, 'fail-1'));
    expect(row).toMatchObject({ status: 'failed', attempts: 3, lastError: 'SMTP down' });
  });

  it('runs each scheduled slot once across instances', async () => {
    const clock = movableClock('2026-03-02T04:10:00Z'); // 11:10 in Hanoi
    const db = ctx.handle.db;
    let scans = 0;
    let digests = 0;
    const runners = ['x', 'y', 'z'].map((id) => {
      const r = createJobRunner({ db, clock, instanceId: id });
      r.register('t.scan', async () => {
        scans++;
      });
      r.register('t.digest', async () => {
        digests++;
      });
      r.schedule(hourly('t.scan'));
      r.schedule(dailyAt('t.digest', 12));
      return r;
    });
    await Promise.all(runners.map((r) => r.runDue()));
    await Promise.all(runners.map((r) => r.runDue()));
    expect({ scans, digests }).toEqual({ scans: 1, digests: 0 });
    clock.add(50 * 60_000); // 12:00 in Hanoi: the next hour and the daily slot
    await Promise.all(runners.map((r) => r.runDue()));
    expect({ scans, digests }).toEqual({ scans: 2, digests: 1 });
  });

  it('prunes finished jobs after 30 days, at 03:00 Hanoi time', async () => {
    const clock = movableClock('2026-03-02T05:00:00Z');
    const db = ctx.handle.db;
    const r = createJobRunner({ db, clock });
    r.register('t.old', async () => {});
    await r.enqueue(db, { kind: 't.old', key: 'old-1' });
    await r.runDue();
    const exists = async () => (await db.select().from(jobs).where(eq(jobs.key, 'old-1'))).length;
    clock.set('2026-03-31T21:00:00Z'); // 04:00 on 1 April in Hanoi: 29 days and 16 hours later
    await r.runDue();
    expect(await exists()).toBe(1);
    clock.set('2026-04-01T21:00:00Z');
    await r.runDue();
    expect(await exists()).toBe(0);
  });
});
