import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { ErrorCode } from '../../shared/errors.js';
import { DomainError } from './errors.js';

/** How busy the database connections are: a node-postgres pool, or PGlite's one connection. */
export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

export interface MetricsOptions {
  /** `/metrics` answers only with `Authorization: Bearer <token>`; without a token it is not served (404) */
  token?: string;
  dbKind: 'pglite' | 'postgres';
  poolStats: () => PoolStats;
  /** background jobs running in this process (DX imports) */
  jobsInFlight: () => number;
  /** process metrics (CPU, memory, event-loop lag, GC): the server turns them on; tests build many apps */
  processMetrics?: boolean;
}

const STATUS_CLASS = ['1xx', '2xx', '3xx', '4xx', '5xx'];
// seconds: most API answers are in the 5–100 ms range; exports and imports can take seconds
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Prometheus metrics for this process (its own registry: every app built, e.g. in tests, counts only itself).
 * Per request the cost is one `onResponse` hook: a Map lookup for the (method, route pattern, status class)
 * series and one histogram observation; no allocation beyond the key string, no I/O. Gauges are read at scrape.
 */
export function registerMetrics(app: FastifyInstance, opts: MetricsOptions) {
  const registry = new Registry();
  if (opts.processMetrics) collectDefaultMetrics({ register: registry });

  const latency = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from request received to response sent, by route pattern (not the raw URL) and status class',
    labelNames: ['method', 'route', 'status_class'] as const,
    buckets: BUCKETS,
    registers: [registry],
  });
  const series = new Map<string, Histogram.Internal<'method' | 'route' | 'status_class'>>();

  const loginFailures = new Counter({
    name: 'steerboard_login_failures_total',
    help: 'Refused logins: wrong username or password, or throttled (too many failures)',
    labelNames: ['reason'] as const,
    registers: [registry],
  });
  const failedLogin = {
    invalid: loginFailures.labels('invalid_credentials'),
    limited: loginFailures.labels('rate_limited'),
  };

  const pool = new Gauge({
    name: 'steerboard_db_connections',
    help: 'Database connections by state: total open, idle, and requests waiting for one (PGlite: one connection, busy while a query or transaction runs)',
    labelNames: ['state', 'db'] as const,
    registers: [registry],
    collect() {
      const s = opts.poolStats();
      this.set({ state: 'total', db: opts.dbKind }, s.total);
      this.set({ state: 'idle', db: opts.dbKind }, s.idle);
      this.set({ state: 'waiting', db: opts.dbKind }, s.waiting);
    },
  });
  void pool;
  new Gauge({
    name: 'steerboard_background_jobs',
    help: 'Background jobs (DX imports) running in this process',
    registers: [registry],
    collect() {
      this.set(opts.jobsInFlight());
    },
  });

  app.addHook('onResponse', (req, reply, done) => {
    const route = req.routeOptions.url ?? 'unmatched';
    const status = reply.statusCode;
    const cls = STATUS_CLASS[Math.floor(status / 100) - 1] ?? 'other';
    const key = `${req.method} ${cls} ${route}`;
    let child = series.get(key);
    if (!child) {
      child = latency.labels(req.method, route, cls);
      series.set(key, child);
    }
    child.observe(reply.elapsedTime / 1000);
    if (route === '/api/auth/login' && (status === 401 || status === 429))
      (status === 401 ? failedLogin.invalid : failedLogin.limited).inc();
    done();
  });

  const expected = opts.token ? Buffer.from(`Bearer ${opts.token}`) : null;
  const authorized = (req: FastifyRequest) => {
    const given = Buffer.from(req.headers.authorization ?? '');
    return !!expected && given.length === expected.length && timingSafeEqual(given, expected);
  };
  app.get(
    '/metrics',
    // not for sessions: the scraper proves itself with the bearer token (METRICS_TOKEN), checked below
    { config: { audience: 'public' }, schema: { hide: true } },
    async (req: FastifyRequest, reply: FastifyReply) => {
      if (!expected) throw new DomainError(ErrorCode.NOT_FOUND, 404, 'Metrics are off (METRICS_TOKEN is not set)');
      if (!authorized(req)) {
        void reply.header('www-authenticate', 'Bearer realm="metrics"');
        throw new DomainError(ErrorCode.UNAUTHENTICATED, 401, 'Send Authorization: Bearer <METRICS_TOKEN>');
      }
      void reply.header('content-type', registry.contentType);
      return registry.metrics();
    },
  );
  return { registry };
}
