import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../http/context.js';
import { route } from '../../http/route.js';
import { etag, expectedVersion } from '../../http/versioning.js';
import type { PeopleService } from './people.service.js';

const tags = ['people'];

export const peopleRoutes =
  (svc: PeopleService): FastifyPluginAsyncZod =>
  async (app) => {
    route(
      app,
      'GET /api/people',
      { tags, summary: 'Search people (ignores diacritics)', config: { audience: 'staff' } },
      async (req) => svc.list(req.query),
    );

    route(
      app,
      'GET /api/people/{id}',
      { tags, summary: 'One person', config: { audience: 'staff' } },
      async (req, reply) => {
        const person = await svc.get(req.params.id);
        etag(reply, person.version);
        return person;
      },
    );

    route(
      app,
      'POST /api/people',
      { tags, summary: 'Create a person', config: { audience: 'staff', idempotent: true } },
      async (req, reply) => reply.status(201).send(await svc.create(requireActor(req), req.body)),
    );

    route(
      app,
      'PATCH /api/people/{id}',
      { tags, summary: 'Change a person', config: { audience: 'staff' } },
      async (req, reply) => {
        const { version, ...patch } = req.body;
        const person = await svc.update(requireActor(req), req.params.id, patch, expectedVersion(req, version));
        etag(reply, person.version);
        return person;
      },
    );
  };
