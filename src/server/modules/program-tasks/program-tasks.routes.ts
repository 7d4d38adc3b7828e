import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../http/context.js';
import { route } from '../../http/route.js';
import { etag, expectedVersion } from '../../http/versioning.js';
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

    route(
      app,
      'GET /api/program-tasks',
      {
        tags,
        summary:
          'Tasks (nhiệm vụ) of programs and plans; unit accounts see the tasks they lead, carry out or coordinate',
        config: { audience: 'staff' },
      },
      async (req) => svc.list(requireActor(req), req.query),
    );

    route(
      app,
      'GET /api/program-tasks/{id}',
      { tags, summary: 'One task with its progress history and evidence', config: { audience: 'staff' } },
      async (req, reply) => {
        const task = await svc.get(requireActor(req), req.params.id);
        etag(reply, task.version);
        return task;
      },
    );

    route(
      app,
      'POST /api/program-tasks',
      { tags, summary: 'Create a task (secretariat)', config: { audience: 'staff', idempotent: true } },
      async (req, reply) => reply.status(201).send(await svc.create(requireActor(req), req.body)),
    );

    route(
      app,
      'PATCH /api/program-tasks/{id}',
      {
        tags,
        summary: 'Change a task, e.g. delegate it to a sub-unit of the lead (secretariat)',
        config: { audience: 'staff' },
      },
      async (req, reply) => {
        const { version, ...patch } = req.body;
        const task = await svc.update(requireActor(req), req.params.id, patch, expectedVersion(req, version));
        etag(reply, task.version);
        return task;
      },
    );

    route(
      app,
      'POST /api/program-tasks/{id}/updates',
      {
        tags,
        summary: 'Report progress (the unit carrying the task out, or the secretariat)',
        config: { audience: 'staff', idempotent: true },
      },
      async (req, reply) => {
        const { version, ...input } = req.body;
        const task = await svc.reportProgress(requireActor(req), req.params.id, input, expectedVersion(req, version));
        etag(reply, task.version);
        return task;
      },
    );

    route(
      app,
      'POST /api/program-tasks/{id}/evidence',
      { tags, summary: 'Upload evidence for a task (multipart field "file")', config: { audience: 'staff' } },
      async (req, reply) => {
        const actor = requireActor(req);
        await svc.assertCanAddEvidence(actor, req.params.id);
        return reply.status(201).send(await svc.addEvidence(actor, req.params.id, await readUpload(req)));
      },
    );
  };
