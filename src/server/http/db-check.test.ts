import { describe, expect, it } from 'vitest';
import { createDbCheck } from './db-check.js';

describe('the liveness check of the database', () => {
  it('asks once for requests at the same moment, reuses a success for a second, and asks again after', async () => {
    let now = 0;
    let pings = 0;
    let release!: () => void;
    const check = createDbCheck(
      () => {
        pings++;
        return new Promise<void>((r) => (release = r));
      },
      { nowMs: () => now },
    );
    const all = Array.from({ length: 10 }, () => check());
    expect(pings).toBe(1);
    release();
    await Promise.all(all);
    now = 999;
    await check();
    expect(pings).toBe(1);
    now = 1001;
    const again = check();
    release();
    await again;
    expect(pings).toBe(2);
  });

  it('does not reuse a failure: every caller of a failed ping gets its error, and the next one asks again', async () => {
    let pings = 0;
    let fail = true;
    const check = createDbCheck(async () => {
      pings++;
      if (fail) throw new Error('database down');
    });
    await expect(Promise.all([check(), check()])).rejects.toThrow('database down');
    expect(pings).toBe(1);
    fail = false;
    await check();
    expect(pings).toBe(2);
  });
});
