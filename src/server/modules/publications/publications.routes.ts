import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../http/context.js';
import { route } from '../../http/route.js';
import type { PublicationsService } from './publications.service.js';

const tags = ['publications'];

export const publicationsRoutes =
  (svc: PublicationsService, opts: { ratePerMinute: number }): FastifyPluginAsyncZod =>
  async (app) => {
    route(
      app,
      'GET /api/inspections/{id}/publication',
      { tags, summary: 'Whether the inspection’s follow-up status is public', config: { audience: 'staff' } },
      async (req) => svc.get(requireActor(req), req.params.id),
    );

    route(
      app,
      'PUT /api/inspections/{id}/publication',
      {
        tags,
        summary: 'Publish the issued conclusion’s recommendations and their follow-up status (secretariat)',
        config: { audience: 'staff' },
      },
      async (req) => svc.publish(requireActor(req), req.params.id),
    );

    route(
      app,
      'POST /api/inspections/{id}/publication/withdrawal',
      { tags, summary: 'Withdraw a publication, with a reason (secretariat)', config: { audience: 'staff' } },
      async (req) => svc.withdraw(requireActor(req), req.params.id, req.body),
    );

    // no login; limited per address, and cacheable for a minute (the service keeps the page that long too)
    const publicConfig = { audience: 'public' as const, rateLimit: { max: opts.ratePerMinute, timeWindow: 60_000 } };
    route(
      app,
      'GET /api/public/programs',
      { tags, summary: 'Programs with published follow-up status (no login)', config: publicConfig },
      async (_req, reply) => {
        void reply.header('cache-control', 'public, max-age=60');
        return svc.publicPrograms();
      },
    );

    route(
      app,
      'GET /api/public/programs/{id}/recommendations',
      {
        tags,
        summary: 'A program’s published recommendations and their follow-up status, as JSON for the city portal',
        config: publicConfig,
      },
      async (req, reply) => {
        void reply.header('cache-control', 'public, max-age=60');
        return svc.publicFeed(req.params.id);
      },
    );
  };
