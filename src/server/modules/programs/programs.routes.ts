import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../http/context.js';
import { route } from '../../http/route.js';
import { etag, expectedVersion } from '../../http/versioning.js';
import type { ProgramsService } from './programs.service.js';

const tags = ['programs'];

export const programsRoutes =
  (svc: ProgramsService): FastifyPluginAsyncZod =>
  async (app) => {
    route(
      app,
      'GET /api/programs',
      { tags, summary: 'Search programs by code and title (ignores diacritics)', config: { audience: 'staff' } },
      async (req) => svc.list(req.query),
    );

    route(
      app,
      'GET /api/programs/{id}',
      { tags, summary: 'One program with its steering committee', config: { audience: 'staff' } },
      async (req, reply) => {
        const program = await svc.get(req.params.id);
        etag(reply, program.version);
        return program;
      },
    );

    route(
      app,
      'POST /api/programs',
      { tags, summary: 'Create a program', config: { audience: 'staff', idempotent: true } },
      async (req, reply) => reply.status(201).send(await svc.create(requireActor(req), req.body)),
    );

    route(
      app,
      'PATCH /api/programs/{id}',
      { tags, summary: 'Change a program', config: { audience: 'staff' } },
      async (req, reply) => {
        const { version, ...patch } = req.body;
        const program = await svc.update(requireActor(req), req.params.id, patch, expectedVersion(req, version));
        etag(reply, program.version);
        return program;
      },
    );

    route(
      app,
      'PUT /api/programs/{id}/committee',
      {
        tags,
        summary: 'Replace the steering committee (at most one head, each person once)',
        config: { audience: 'staff' },
      },
      async (req, reply) => {
        const { version, ...input } = req.body;
        const program = await svc.setCommittee(requireActor(req), req.params.id, input, expectedVersion(req, version));
        etag(reply, program.version);
        return program;
      },
    );
  };
