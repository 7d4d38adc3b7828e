import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { person, personInput, personListQuery, personPatch } from '../../../shared/contracts/people.js';
import { idParams, pageOf } from '../../../shared/fields.js';
import { requireActor } from '../../http/context.js';
import type { PeopleService } from './people.service.js';

const tags = ['people'];

export const peopleRoutes =
  (svc: PeopleService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/people',
      {
        config: { audience: 'staff' },
        schema: {
          tags,
          summary: 'Search people (ignores diacritics)',
          querystring: personListQuery,
          response: { 200: pageOf(person) },
        },
      },
      async (req) => svc.list(req.query),
    );

    app.get(
      '/api/people/:id',
      {
        config: { audience: 'staff' },
        schema: { tags, summary: 'One person', params: idParams, response: { 200: person } },
      },
      async (req) => svc.get(req.params.id),
    );

    app.post(
      '/api/people',
      {
        config: { audience: 'staff', idempotent: true },
        schema: { tags, summary: 'Create a person', body: personInput, response: { 201: person } },
      },
      async (req, reply) => reply.status(201).send(await svc.create(requireActor(req), req.body)),
    );

    app.patch(
      '/api/people/:id',
      {
        config: { audience: 'staff' },
        schema: { tags, summary: 'Change a person', params: idParams, body: personPatch, response: { 200: person } },
      },
      async (req) => svc.update(requireActor(req), req.params.id, req.body),
    );
  };
