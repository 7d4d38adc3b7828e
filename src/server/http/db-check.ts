/**
 * "Does the database answer?" for the liveness check, asked at most once per `reuseMs`: requests that arrive while a
 * check is running wait for that one, and a success is reused until `reuseMs` after it ended. A failure is not
 * reused: the next request asks again. So a load balancer polling `/api/health` hard costs the database one
 * `select 1` a second, not one per probe (the probe's own answer time is what it measures).
 */
export function createDbCheck(ping: () => Promise<unknown>, opts: { reuseMs?: number; nowMs?: () => number } = {}) {
  const reuseMs = opts.reuseMs ?? 1000;
  const nowMs = opts.nowMs ?? (() => performance.now());
  let okUntil = -Infinity;
  let running: Promise<void> | null = null;
  return function check(): Promise<void> {
    if (nowMs() < okUntil) return Promise.resolve();
    running ??= (async () => {
      try {
        await ping();
        okUntil = nowMs() + reuseMs;
      } finally {
        running = null;
      }
    })();
    return running;
  };
}
