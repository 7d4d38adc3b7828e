import { createDbCheck } from './http/db-check.js';
import { registerReadCache } from './http/read-cache.js';
import { existsSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import type { Audience } from '../shared/permissions.js';
import { assertRouteAudience, registerAuthHook } from './http/auth-hook.js';
import { registerCsrfGuard } from './http/csrf.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { DomainError, registerErrorHandler } from './http/errors.js';
import rateLimit from '@fastify/rate-limit';
import { ErrorCode } from '../shared/errors.js';
import { publicationsRoutes } from './modules/publications/publications.routes.js';
import { supportProgramsRoutes } from './modules/support-programs/support-programs.routes.js';
import { verificationRoutes } from './modules/verification/verification.routes.js';
import { registerWebApp } from './http/web-app.js';
import { registerFirstViews } from './http/first-view.js';
import { FIRST_VIEW_CSS } from './http/first-view-shell.js';
import { dashboardFirstView } from './modules/dashboard/dashboard.first-view.js';
import { myWorkFirstView } from './modules/my-work/my-work.first-view.js';
import { describeUploads } from './http/openapi-uploads.js';
import { registerTextGuard } from './http/text-guard.js';
import { registerIdempotency } from './http/idempotency.js';
import { registerRequestIdHeader, requestIdFor } from './http/request-id.js';
import { registerMetrics, type PoolStats } from './http/metrics.js';
import { registerReadiness } from './http/readiness.js';
import { route } from './http/route.js';
import { responseSerializerCompiler, zodOnlyResponses } from './http/serialize.js';
import { apiRoutes } from '../shared/contracts/api-routes.js';
import { OneLinePerRequest } from './http/request-log.js';
import { filesRoutes } from './modules/files/files.routes.js';
import { MAX_UPLOAD_BYTES } from './modules/files/upload.js';
import { inspectionsRoutes } from './modules/inspections/inspections.routes.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { orgUnitsRoutes } from './modules/org-units/org-units.routes.js';
import { peopleRoutes } from './modules/people/people.routes.js';
import { usersRoutes } from './modules/users/users.routes.js';
import { inspectionPlansRoutes } from './modules/inspection-plans/inspection-plans.routes.js';
import { programsRoutes } from './modules/programs/programs.routes.js';
import { followUpsRoutes } from './modules/follow-ups/follow-ups.routes.js';
import { dashboardRoutes } from './modules/dashboard/dashboard.routes.js';
import { dxFrameworksRoutes } from './modules/dx-frameworks/dx-frameworks.routes.js';
import { dxAssessmentsRoutes } from './modules/dx-assessments/dx-assessments.routes.js';
import { enterprisesRoutes } from './modules/enterprises/enterprises.routes.js';
import { dxAnalyticsRoutes } from './modules/dx-analytics/dx-analytics.routes.js';
import { dxImportsRoutes } from './modules/dx-analytics/dx-imports.routes.js';
import { indicatorsRoutes } from './modules/indicators/indicators.routes.js';
import { programTasksRoutes } from './modules/program-tasks/program-tasks.routes.js';
import { reportingRoundsRoutes } from './modules/reporting-rounds/reporting-rounds.routes.js';
import { monitoringDashboardRoutes } from './modules/monitoring-dashboard/monitoring-dashboard.routes.js';
import { unitOverviewRoutes } from './modules/unit-overview/unit-overview.routes.js';
import { myWorkRoutes } from './modules/my-work/my-work.routes.js';
import { createServices, type Deps, type Services } from './services.js';
import { notificationsRoutes } from './modules/notifications/notifications.routes.js';

const version = '0.1.0';

/** Builds the HTTP app from its dependencies. No I/O here beyond what Fastify does on `ready()`. */
export interface RouteEntry {
  method: string;
  url: string;
  /** the route's zod schemas (body, querystring, params, consumes…), for tests that generate input from them */
  schema?: Record<string, unknown>;
  audience: readonly Audience[];
}
declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteEntry[];
  }
}

export async function buildApp(
  deps: Deps,
  opts: {
    logger?: boolean;
    /** where log lines go instead of stdout (tests read them) */
    logStream?: { write(line: string): void };
    /** the database connections' use, for /metrics */
    poolStats?: () => PoolStats;
    /** process metrics (CPU, memory, event loop) in /metrics: the server, not the many apps tests build */
    processMetrics?: boolean;
  } = {},
): Promise<{ app: FastifyInstance; services: Services }> {
  const app = Fastify({
    logger: opts.logger ? { level: deps.config.logLevel, ...(opts.logStream && { stream: opts.logStream }) } : false,
    // every log line of a request carries its id as `requestId`, the id error bodies and X-Request-Id carry
    genReqId: requestIdFor,
    requestIdHeader: false,
    logController: new OneLinePerRequest({ requestIdLogLabel: 'requestId' }),
    bodyLimit: 1024 * 1024,
    // X-Forwarded-For is believed only from the proxies named in TRUST_PROXY: from anyone else it would let a
    // client pick the address the login throttle counts and the audit log records
    trustProxy: deps.config.trustProxy.length > 0 ? deps.config.trustProxy : false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  // responses written from their JSON Schema by fast-json-stringify; in tests also checked through zod (serialize.ts)
  app.setSerializerCompiler(responseSerializerCompiler({ verify: deps.config.env === 'test' }));
  if (deps.config.env === 'development')
    for (const { route: key, status, reasons } of zodOnlyResponses(apiRoutes))
      app.log.info({ route: key, status, reasons }, 'response serialised through zod: its JSON Schema cannot say it');
  const webRoot = path.resolve(deps.config.webDist);
  const hasWeb = existsSync(path.join(webRoot, 'index.html'));
  registerErrorHandler(app, { spaFallback: hasWeb });
  registerRequestIdHeader(app);
  registerTextGuard(app);
  // every route as registered, so a test can hold the OpenAPI document to all of them
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (r) => {
    assertRouteAudience(r);
    for (const method of [r.method].flat())
      if (method !== 'HEAD')
        routeTable.push({
          method,
          url: r.url,
          audience: [r.config?.audience ?? []].flat(),
          schema: r.schema as Record<string, unknown> | undefined,
        });
  });

  registerSecurityHeaders(app, { production: deps.config.env === 'production', https: deps.config.cookieSecure });
  await app.register(cookie);
  // per address, per instance, only on routes that ask for it (the public pages): @fastify/rate-limit, the Fastify
  // team's own limiter, instead of another hand-written counter
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, c) =>
      new DomainError(ErrorCode.RATE_LIMITED, 429, 'Too many requests; try again later', {
        retryAfterSeconds: Math.ceil(c.ttl / 1000),
      }),
  });
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'steerboard API',
        version,
        description: 'Steering committee platform: inspections, program monitoring, DX assessment',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'sb_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: (d) =>
      'openapiObject' in d ? describeUploads(d.openapiObject as never, routeTable) : d.swaggerObject,
  });

  const services = createServices(deps);
  registerMetrics(app, {
    token: deps.config.metricsToken,
    dbKind: deps.dbKind,
    poolStats: opts.poolStats ?? (() => ({ total: 0, idle: 0, waiting: 0 })),
    jobsInFlight: () => services.dxImports.inFlight(),
    processMetrics: opts.processMetrics,
  });
  registerReadiness(app, deps.db);
  // background work across instances: a DX import whose instance died is taken over at start-up and periodically
  app.addHook('onReady', async () =>
    services.dxImports.startRecovery({
      onError: (err) => app.log.error({ err }, 'DX import takeover check failed'),
      stopping: () => app.lifecycle.shuttingDown,
    }),
  );
  app.addHook('preClose', async () => services.dxImports.stopRecovery());
  // JOBS=on: this instance ticks the job runner (scheduled scans, the digest, e-mail); every instance may
  if (deps.config.jobs)
    app.addHook('onReady', async () =>
      services.jobs.start({ onError: (err) => app.log.error({ err }, 'job runner tick failed') }),
    );
  app.addHook('preClose', async () => services.jobs.stop());
  registerCsrfGuard(app, { publicOrigin: deps.config.publicOrigin });
  registerAuthHook(app, services.auth);
  registerReadCache(app, { changes: deps.changes, clock: deps.clock, maxBytes: deps.config.readCacheBytes });
  registerIdempotency(app, deps.db);

  const dbCheck = createDbCheck(() => deps.db.execute(sql`select 1`));
  route(
    app,
    'GET /api/health',
    { tags: ['system'], summary: 'Liveness and database check', security: [], config: { audience: 'public' } },
    async () => {
      await dbCheck();
      return { status: 'ok' as const, db: deps.dbKind, version, time: deps.clock.now().toISOString() };
    },
  );
  app.get('/api/openapi.json', { config: { audience: 'public' }, schema: { hide: true } }, async () => app.swagger());

  await app.register(authRoutes(services.auth, services.users, { secure: deps.config.cookieSecure }));
  await app.register(auditRoutes(deps.db, services.audit));
  await app.register(notificationsRoutes(services.notifications));
  await app.register(orgUnitsRoutes(services.orgUnits));
  await app.register(peopleRoutes(services.people));
  await app.register(usersRoutes(services.users));
  await app.register(programsRoutes(services.programs));
  await app.register(inspectionPlansRoutes(services.inspectionPlans, services.inspectionTeams));
  await app.register(followUpsRoutes(services.followUps));
  await app.register(inspectionsRoutes(services.inspections));
  await app.register(filesRoutes(services.files));
  await app.register(dashboardRoutes(services.dashboard));
  await app.register(enterprisesRoutes(services.enterprises));
  await app.register(dxFrameworksRoutes(services.dxFrameworks));
  await app.register(dxAssessmentsRoutes(services.dxAssessments));
  await app.register(dxAnalyticsRoutes(services.dxAnalytics));
  await app.register(dxImportsRoutes(services.dxImports));
  await app.register(indicatorsRoutes(services.indicators));
  await app.register(programTasksRoutes(services.programTasks));
  await app.register(reportingRoundsRoutes(services.reportingRounds));
  await app.register(monitoringDashboardRoutes(services.monitoringDashboard));
  await app.register(unitOverviewRoutes(services.unitOverview));
  await app.register(myWorkRoutes(services.myWork));
  await app.register(publicationsRoutes(services.publications, { ratePerMinute: deps.config.publicRatePerMinute }));
  await app.register(supportProgramsRoutes(services.supportPrograms));
  await app.register(verificationRoutes(services.verification, { ratePerMinute: deps.config.publicRatePerMinute }));

  // the built web app (npm start builds it); API-only when absent, e.g. in API tests
  if (hasWeb) {
    registerFirstViews(app, { webRoot, views: [myWorkFirstView, dashboardFirstView], css: FIRST_VIEW_CSS });
    await registerWebApp(app, webRoot);
  }
  return { app, services };
}
