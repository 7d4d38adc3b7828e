import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../http/context.js';
import { route } from '../../http/route.js';
import type { OrgUnitsService } from './org-units.service.js';

const tags = ['org-units'];

export const orgUnitsRoutes =
  (svc: OrgUnitsService): FastifyPluginAsyncZod =>
  async (app) => {
    route(
      app,
      'GET /api/org-units',
      { tags, summary: 'Search org units (ignores diacritics)', config: { audience: 'staff' } },
      async (req) => svc.list(req.query),
    );

    route(
      app,
      'GET /api/org-units/{id}',
      { tags, summary: 'One org unit with its successors and predecessors', config: { audience: 'staff' } },
      async (req) => svc.get(req.params.id),
    );

    route(
      app,
      'POST /api/org-units',
      { tags, summary: 'Create an org unit', config: { audience: 'staff', idempotent: true } },
      async (req, reply) => {
        const id = await svc.create(requireActor(req), req.body);
        return reply.status(201).send(await svc.get(id));
      },
    );

    route(
      app,
      'PATCH /api/org-units/{id}',
      { tags, summary: 'Change an org unit', config: { audience: 'staff' } },
      async (req) => {
        await svc.update(requireActor(req), req.params.id, req.body);
        return svc.get(req.params.id);
      },
    );
  };
