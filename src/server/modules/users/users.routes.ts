import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { userAccount, userInput, userListQuery, userPatch } from '../../../shared/contracts/users.js';
import { idParams, pageOf } from '../../../shared/fields.js';
import { requireActor } from '../../http/context.js';
import type { UsersService } from './users.service.js';

const tags = ['users'];

export const usersRoutes =
  (svc: UsersService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/users',
      {
        config: { audience: 'staff' },
        schema: {
          tags,
          summary: 'User accounts (admin)',
          querystring: userListQuery,
          response: { 200: pageOf(userAccount) },
        },
      },
      async (req) => svc.list(requireActor(req), req.query),
    );
    app.post(
      '/api/users',
      {
        config: { audience: 'staff', idempotent: true },
        schema: { tags, summary: 'Create a user account (admin)', body: userInput, response: { 201: userAccount } },
      },
      async (req, reply) => reply.status(201).send(await svc.create(requireActor(req), req.body)),
    );
    app.patch(
      '/api/users/:id',
      {
        config: { audience: 'staff' },
        schema: {
          tags,
          summary: 'Change a user account (admin)',
          params: idParams,
          body: userPatch,
          response: { 200: userAccount },
        },
      },
      async (req) => svc.update(requireActor(req), req.params.id, req.body, req.sessionId),
    );
  };
