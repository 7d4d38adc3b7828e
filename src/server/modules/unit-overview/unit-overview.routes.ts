import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../http/context.js';
import { route } from '../../http/route.js';
import { assertMonitoringAccess } from '../indicators/indicators.service.js';
import type { UnitOverviewService } from './unit-overview.service.js';

export const unitOverviewRoutes =
  (svc: UnitOverviewService): FastifyPluginAsyncZod =>
  async (app) => {
    // every route here needs a logged-in, non-enterprise user (encapsulated: applies to this plugin's routes only)
    app.addHook('preHandler', async (req) => {
      assertMonitoringAccess(requireActor(req));
    });

    route(
      app,
      'GET /api/org-units/{id}/overview',
      {
        tags: ['monitoring'],
        summary: "A unit's indicators, tasks, reports, inspections and follow-ups in one place",
        config: { audience: 'staff' },
      },
      async (req) => svc.overview(requireActor(req), req.params.id),
    );

    route(
      app,
      'GET /api/finding-links',
      {
        tags: ['monitoring'],
        summary: 'Links between inspection findings and indicators or tasks',
        config: { audience: 'staff' },
      },
      async (req) => svc.listLinks(requireActor(req), req.query),
    );

    route(
      app,
      'POST /api/finding-links',
      {
        tags: ['monitoring'],
        summary: 'Link a finding or recommendation to the indicator or task it concerns',
        config: { audience: 'staff', idempotent: true },
      },
      async (req, reply) => reply.status(201).send(await svc.link(requireActor(req), req.body)),
    );

    route(
      app,
      'DELETE /api/finding-links/{id}',
      { tags: ['monitoring'], summary: 'Remove a link', config: { audience: 'staff' } },
      async (req, reply) => {
        await svc.unlink(requireActor(req), req.params.id);
        return reply.status(204).send();
      },
    );
  };
