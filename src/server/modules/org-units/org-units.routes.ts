import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../http/context.js';
import { route } from '../../http/route.js';
import { etag, expectedVersion } from '../../http/versioning.js';
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
      async (req, reply) => {
        const unit = await svc.get(req.params.id);
        etag(reply, unit.version);
        return unit;
      },
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
      async (req, reply) => {
        const { version, ...patch } = req.body;
        await svc.update(requireActor(req), req.params.id, patch, expectedVersion(req, version));
        const unit = await svc.get(req.params.id);
        etag(reply, unit.version);
        return unit;
      },
    );
  };
