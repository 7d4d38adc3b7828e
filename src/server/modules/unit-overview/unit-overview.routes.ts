import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findingLink, findingLinkInput, findingLinkQuery, unitOverview } from '../../../shared/contracts/monitoring.js';
import { idParams } from '../../../shared/fields.js';
import { requireActor } from '../../http/context.js';
import { assertMonitoringAccess } from '../indicators/indicators.service.js';
import type { UnitOverviewService } from './unit-overview.service.js';

export const unitOverviewRoutes =
  (svc: UnitOverviewService): FastifyPluginAsyncZod =>
  async (app) => {
    // every route here needs a logged-in, non-enterprise user (encapsulated: applies to this plugin's routes only)
    app.addHook('preHandler', async (req) => {
      assertMonitoringAccess(requireActor(req));
    });

    app.get(
      '/api/org-units/:id/overview',
      {
        config: { audience: 'staff' },
        schema: {
          tags: ['monitoring'],
          summary: "A unit's indicators, tasks, reports, inspections and follow-ups in one place",
          params: idParams,
          response: { 200: unitOverview },
        },
      },
      async (req) => svc.overview(requireActor(req), req.params.id),
    );

    app.get(
      '/api/finding-links',
      {
        config: { audience: 'staff' },
        schema: {
          tags: ['monitoring'],
          summary: 'Links between inspection findings and indicators or tasks',
          querystring: findingLinkQuery,
          response: { 200: z.array(findingLink) },
        },
      },
      async (req) => svc.listLinks(requireActor(req), req.query),
    );

    app.post(
      '/api/finding-links',
      {
        config: { audience: 'staff', idempotent: true },
        schema: {
          tags: ['monitoring'],
          summary: 'Link a finding or recommendation to the indicator or task it concerns',
          body: findingLinkInput,
          response: { 201: findingLink },
        },
      },
      async (req, reply) => reply.status(201).send(await svc.link(requireActor(req), req.body)),
    );

    app.delete(
      '/api/finding-links/:id',
      { config: { audience: 'staff' }, schema: { tags: ['monitoring'], summary: 'Remove a link', params: idParams } },
      async (req, reply) => {
        await svc.unlink(requireActor(req), req.params.id);
        return reply.status(204).send();
      },
    );
  };
