import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  committeeInput,
  program,
  programDetail,
  programInput,
  programListQuery,
  programPatch,
} from '../../../shared/contracts/programs.js';
import { idParams, pageOf } from '../../../shared/fields.js';
import { requireActor } from '../../http/context.js';
import type { ProgramsService } from './programs.service.js';

const tags = ['programs'];

export const programsRoutes =
  (svc: ProgramsService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/programs',
      {
        config: { audience: 'staff' },
        schema: {
          tags,
          summary: 'Search programs by code and title (ignores diacritics)',
          querystring: programListQuery,
          response: { 200: pageOf(program) },
        },
      },
      async (req) => svc.list(req.query),
    );

    app.get(
      '/api/programs/:id',
      {
        config: { audience: 'staff' },
        schema: {
          tags,
          summary: 'One program with its steering committee',
          params: idParams,
          response: { 200: programDetail },
        },
      },
      async (req) => svc.get(req.params.id),
    );

    app.post(
      '/api/programs',
      {
        config: { audience: 'staff', idempotent: true },
        schema: { tags, summary: 'Create a program', body: programInput, response: { 201: programDetail } },
      },
      async (req, reply) => reply.status(201).send(await svc.create(requireActor(req), req.body)),
    );

    app.patch(
      '/api/programs/:id',
      {
        config: { audience: 'staff' },
        schema: {
          tags,
          summary: 'Change a program',
          params: idParams,
          body: programPatch,
          response: { 200: programDetail },
        },
      },
      async (req) => svc.update(requireActor(req), req.params.id, req.body),
    );

    app.put(
      '/api/programs/:id/committee',
      {
        config: { audience: 'staff' },
        schema: {
          tags,
          summary: 'Replace the steering committee (at most one head, each person once)',
          params: idParams,
          body: committeeInput,
          response: { 200: programDetail },
        },
      },
      async (req) => svc.setCommittee(requireActor(req), req.params.id, req.body),
    );
  };
