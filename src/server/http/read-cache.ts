import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ChangeFeed } from '../db/change-feed.js';
import type { Clock } from '../lib/clock.js';
import type { RouteKey } from './route.js';

/**
 * The most used reads (issue 12's list), whose answers are kept per caller until anything is written.
 *
 * Each is a pure read: same caller, same URL and same data give the same bytes (`read-cache.test.ts` checks that
 * serving one writes nothing and that a kept answer is byte for byte the one computed). Reads that write (a first
 * PDF, a notice marked seen), that set cookies or headers of their own, or whose answer is a file are not here.
 */
export const CACHED_READS: readonly RouteKey[] = [
  'GET /api/dashboard',
  'GET /api/inspection-plans',
  'GET /api/inspections',
  'GET /api/inspections/{id}',
  'GET /api/follow-ups',
  'GET /api/monitoring/dashboard',
  'GET /api/indicators',
  'GET /api/reporting-rounds/{id}/reports/{orgUnitId}',
  'GET /api/dx/assessments/{id}/report',
  'GET /api/dx/analytics/breakdown',
];

/** The largest answer kept; bigger ones are computed each time. */
const MAX_ENTRY_BYTES = 512 * 1024;

// per request, not per answer
const OWN_HEADERS = new Set([
  'date',
  'content-length',
  'x-request-id',
  'connection',
  'keep-alive',
  'transfer-encoding',
]);

interface Entry {
  body: string;
  /** what the handler and the hooks before it set (content type, ETag, the security headers) */
  headers: Record<string, string | string[]>;
  generation: number;
  bytes: number;
}

export interface ReadCacheStats {
  hits: number;
  misses: number;
  entries: () => number;
  bytes: () => number;
}

declare module 'fastify' {
  interface FastifyInstance {
    readCache: ReadCacheStats;
  }
  interface FastifyRequest {
    /** set when this request's answer may be kept: its key and the feed's generation before it was computed */
    readCacheMiss: { key: string; generation: number } | null;
  }
}

/**
 * Answers of `CACHED_READS`, by caller and URL, in at most `maxBytes` (least recently used out first).
 *
 * An answer is served only while nothing has been written since it was computed: the database's change feed
 * (db/change-feed.ts) moves on with every committed write, here or on another instance, and an answer tagged with an
 * older generation is never served. The generation is read *before* the answer is computed, so a write that commits
 * during the computation leaves the answer unusable rather than kept as current. The key holds the whole actor
 * (account, role, unit, person: what the permission checks look at) and the full URL, so an answer only ever goes
 * back to the caller it was computed for; and the clock's minute, so answers that depend on the date (overdue,
 * deadlines) are computed again at least every minute.
 */
export function registerReadCache(
  app: FastifyInstance,
  opts: { changes: ChangeFeed | undefined; clock: Clock; maxBytes: number },
) {
  const { changes, clock, maxBytes } = opts;
  app.decorateRequest('readCacheMiss', null);
  const stats: ReadCacheStats = { hits: 0, misses: 0, entries: () => entries.size, bytes: () => bytes };
  app.decorate('readCache', stats);
  const entries = new Map<string, Entry>();
  let bytes = 0;
  if (!changes || maxBytes <= 0) return;
  const routes = new Set<string>(CACHED_READS.map((k) => k.slice(4).replace(/\{(\w+)\}/g, ':$1')));

  const drop = (key: string) => {
    const e = entries.get(key);
    if (!e) return;
    entries.delete(key);
    bytes -= e.bytes;
  };
  const keyOf = (req: FastifyRequest) => {
    const a = req.actor!;
    const minute = Math.floor(clock.now().getTime() / 60_000);
    return `${a.id}\u0000${a.role}\u0000${a.orgUnitId}\u0000${a.personId}\u0000${minute}\u0000${req.url}`;
  };

  // after the auth hook: the actor is known, and a caller without a session never gets here
  app.addHook('onRequest', async (req, reply) => {
    if (req.method !== 'GET' || !req.actor || !routes.has(req.routeOptions.url ?? '') || !changes.live()) return;
    const key = keyOf(req);
    const generation = changes.generation();
    const hit = entries.get(key);
    if (hit && hit.generation === generation) {
      // most recently used goes last
      entries.delete(key);
      entries.set(key, hit);
      stats.hits++;
      reply.headers(hit.headers);
      return reply.send(hit.body);
    }
    if (hit) drop(key);
    stats.misses++;
    req.readCacheMiss = { key, generation };
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const miss = req.readCacheMiss;
    if (!miss || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
    if (reply.hasHeader('set-cookie') || changes.generation() !== miss.generation || !changes.live()) return payload;
    const size = payload.length * 2 + miss.key.length * 2;
    if (size > MAX_ENTRY_BYTES) return payload;
    const headers: Entry['headers'] = {};
    for (const [name, value] of Object.entries(reply.getHeaders()))
      if (value !== undefined && !OWN_HEADERS.has(name))
        headers[name] = typeof value === 'number' ? String(value) : value;
    drop(miss.key);
    entries.set(miss.key, {
      body: payload,
      headers,
      generation: miss.generation,
      bytes: size,
    });
    bytes += size;
    for (const k of entries.keys()) {
      if (bytes <= maxBytes) break;
      drop(k);
    }
    return payload;
  });
}
