import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import type { DbHandle } from './db/client.js';

/**
 * Graceful stop, in the order a proxy needs: readiness turns false first (`/api/ready` answers 503), then after
 * `drainMs` (time for a load balancer polling readiness to stop sending) the server stops accepting connections
 * and waits for the requests in flight, then background imports end, then the database closes.
 */
export async function shutdown(
  app: FastifyInstance,
  handle: Pick<DbHandle, 'close'>,
  opts: { drainMs: number; backgroundIdle?: () => Promise<unknown> },
) {
  app.lifecycle.shuttingDown = true;
  if (opts.drainMs > 0) await sleep(opts.drainMs);
  // Fastify's close: the listening socket closes, idle keep-alive connections are ended, requests in flight finish
  // (a new request on an open connection meanwhile gets 503 with Connection: close)
  await app.close();
  await opts.backgroundIdle?.();
  await handle.close();
}
