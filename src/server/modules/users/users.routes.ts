import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../http/context.js';
import { route } from '../../http/route.js';
import { etag, expectedVersion } from '../../http/versioning.js';
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
      'GET /api/users/{id}',
      { tags, summary: 'One user account (admin)', config: { audience: 'staff' } },
      async (req, reply) => {
        const user = await svc.getManaged(requireActor(req), req.params.id);
        etag(reply, user.version);
        return user;
      },
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
      async (req, reply) => {
        const { version, ...patch } = req.body;
        const user = await svc.update(
          requireActor(req),
          req.params.id,
          patch,
          expectedVersion(req, version),
          req.sessionId,
        );
        etag(reply, user.version);
        return user;
      },
    );
  };
