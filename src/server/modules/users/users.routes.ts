import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../http/context.js';
import { route } from '../../http/route.js';
import type { UsersService } from './users.service.js';

const tags = ['users'];

export const usersRoutes =
  (svc: UsersService): FastifyPluginAsyncZod =>
  async (app) => {
    route(
      app,
      'GET /api/users',
      { tags, summary: 'User accounts (admin)', config: { audience: 'staff' } },
      async (req) => svc.list(requireActor(req), req.query),
    );
    route(
      app,
      'POST /api/users',
      { tags, summary: 'Create a user account (admin)', config: { audience: 'staff', idempotent: true } },
      async (req, reply) => reply.status(201).send(await svc.create(requireActor(req), req.body)),
    );
    route(
      app,
      'PATCH /api/users/{id}',
      { tags, summary: 'Change a user account (admin)', config: { audience: 'staff' } },
      async (req) => svc.update(requireActor(req), req.params.id, req.body, req.sessionId),
    );
  };
