import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  task,
  taskDetail,
  taskInput,
  taskListQuery,
  taskPatch,
  taskProgressInput,
} from '../../../shared/contracts/program-tasks.js';
import { idParams, pageOf } from '../../../shared/fields.js';
import { requireActor } from '../../http/context.js';
import { assertMonitoringAccess } from '../indicators/indicators.service.js';
import { readUpload } from '../files/files.service.js';
import type { ProgramTasksService } from './program-tasks.service.js';

const tags = ['program-tasks'];

export const programTasksRoutes =
  (svc: ProgramTasksService): FastifyPluginAsyncZod =>
  async (app) => {
    // every route here needs a logged-in, non-enterprise user (encapsulated: applies to this plugin's routes only)
    app.addHook('preHandler', async (req) => {
      assertMonitoringAccess(requireActor(req));
    });

    app.get(
      '/api/program-tasks',
      {
        config: { audience: 'staff' },
        schema: {
          tags,
          summary:
            'Tasks (nhiệm vụ) of programs and plans; unit accounts see the tasks they lead, carry out or coordinate',
          querystring: taskListQuery,
          response: { 200: pageOf(task) },
        },
      },
      async (req) => svc.list(requireActor(req), req.query),
    );

    app.get(
      '/api/program-tasks/:id',
      {
        config: { audience: 'staff' },
        schema: {
          tags,
          summary: 'One task with its progress history and evidence',
          params: idParams,
          response: { 200: taskDetail },
        },
      },
      async (req) => svc.get(requireActor(req), req.params.id),
    );

    app.post(
      '/api/program-tasks',
      {
        config: { audience: 'staff', idempotent: true },
        schema: { tags, summary: 'Create a task (secretariat)', body: taskInput, response: { 201: task } },
      },
      async (req, reply) => reply.status(201).send(await svc.create(requireActor(req), req.body)),
    );

    app.patch(
      '/api/program-tasks/:id',
      {
        config: { audience: 'staff' },
        schema: {
          tags,
          summary: 'Change a task, e.g. delegate it to a sub-unit of the lead (secretariat)',
          params: idParams,
          body: taskPatch,
          response: { 200: taskDetail },
        },
      },
      async (req) => svc.update(requireActor(req), req.params.id, req.body),
    );

    app.post(
      '/api/program-tasks/:id/updates',
      {
        config: { audience: 'staff', idempotent: true },
        schema: {
          tags,
          summary: 'Report progress (the unit carrying the task out, or the secretariat)',
          params: idParams,
          body: taskProgressInput,
          response: { 200: taskDetail },
        },
      },
      async (req) => svc.reportProgress(requireActor(req), req.params.id, req.body),
    );

    app.post(
      '/api/program-tasks/:id/evidence',
      {
        config: { audience: 'staff' },
        schema: {
          tags,
          summary: 'Upload evidence for a task (multipart field "file")',
          consumes: ['multipart/form-data'],
          params: idParams,
          response: { 201: taskDetail },
        },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        await svc.assertCanAddEvidence(actor, req.params.id);
        return reply.status(201).send(await svc.addEvidence(actor, req.params.id, await readUpload(req)));
      },
    );
  };
