import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../http/context.js';
import { etag, expectedVersion } from '../../http/versioning.js';
import { route } from '../../http/route.js';
import { assertMonitoringAccess } from './indicators.policy.js';
import type { IndicatorsService } from './indicators.service.js';

const tags = ['indicators'];

export const indicatorsRoutes =
  (svc: IndicatorsService): FastifyPluginAsyncZod =>
  async (app) => {
    // every route here needs a logged-in, non-enterprise user (encapsulated: applies to this plugin's routes only)
    app.addHook('preHandler', async (req) => {
      assertMonitoringAccess(requireActor(req));
    });

    route(
      app,
      'GET /api/indicators',
      { tags, summary: 'Indicators of programs, with responsible units and targets', config: { audience: 'staff' } },
      async (req) => {
        requireActor(req);
        return svc.list(req.query);
      },
    );

    route(
      app,
      'GET /api/indicators/{id}',
      { tags, summary: 'One indicator', config: { audience: 'staff' } },
      async (req, reply) => {
        requireActor(req);
        const i = await svc.get(req.params.id);
        etag(reply, i.version);
        return i;
      },
    );

    route(
      app,
      'POST /api/indicators',
      {
        tags,
        summary: 'Create an indicator with its responsible units and targets (secretariat)',
        config: { audience: 'staff', idempotent: true },
      },
      async (req, reply) => reply.status(201).send(await svc.create(requireActor(req), req.body)),
    );

    route(
      app,
      'PATCH /api/indicators/{id}',
      {
        tags,
        summary: 'Change an indicator; units and targets are replaced when given',
        config: { audience: 'staff' },
      },
      async (req, reply) => {
        const { version, ...patch } = req.body;
        const i = await svc.update(requireActor(req), req.params.id, patch, expectedVersion(req, version));
        etag(reply, i.version);
        return i;
      },
    );

    route(
      app,
      'GET /api/monitoring-plans',
      { tags, summary: 'Plans and schemes under programs', config: { audience: 'staff' } },
      async (req) => {
        requireActor(req);
        return svc.plans(req.query.programId);
      },
    );

    route(
      app,
      'POST /api/monitoring-plans',
      {
        tags,
        summary: 'Create a plan or scheme under a program (secretariat)',
        config: { audience: 'staff', idempotent: true },
      },
      async (req, reply) => reply.status(201).send(await svc.createPlan(requireActor(req), req.body)),
    );

    route(
      app,
      'GET /api/programs/{id}/monitoring-thresholds',
      {
        tags,
        summary: 'Default traffic-light thresholds of a program, with the version a change names',
        config: { audience: 'staff' },
      },
      async (req, reply) => {
        const t = await svc.programThresholds(req.params.id);
        etag(reply, t.version);
        return t;
      },
    );

    route(
      app,
      'PUT /api/programs/{id}/monitoring-thresholds',
      {
        tags,
        summary: 'Default traffic-light thresholds of a program (percent of target)',
        config: { audience: 'staff' },
      },
      async (req, reply) => {
        const { version, ...input } = req.body;
        const t = await svc.setThresholds(requireActor(req), req.params.id, input, expectedVersion(req, version));
        etag(reply, t.version);
        return t;
      },
    );
  };
