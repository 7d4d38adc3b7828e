import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../http/context.js';
import { route } from '../../http/route.js';
import { readUpload } from '../files/files.service.js';
import type { FollowUpsService } from './follow-ups.service.js';

const tags = ['follow-ups'];

export const followUpsRoutes =
  (svc: FollowUpsService): FastifyPluginAsyncZod =>
  async (app) => {
    route(
      app,
      'GET /api/follow-ups',
      {
        tags,
        summary: 'Follow-ups of issued conclusions (unit accounts: their own); overdue computed from today',
        config: { audience: 'staff' },
      },
      async (req) => svc.list(requireActor(req), req.query),
    );

    route(
      app,
      'GET /api/follow-ups/{id}',
      { tags, summary: 'One follow-up with its history and evidence', config: { audience: 'staff' } },
      async (req) => svc.get(requireActor(req), req.params.id),
    );

    route(
      app,
      'POST /api/follow-ups/{id}/updates',
      {
        tags,
        summary: 'Report progress (addressee unit or secretariat)',
        config: { audience: 'staff', idempotent: true },
      },
      async (req) => svc.report(requireActor(req), req.params.id, req.body),
    );

    route(
      app,
      'POST /api/follow-ups/{id}/evidence',
      {
        tags,
        summary: 'Upload evidence of progress (multipart field "file"; PDF, images, DOCX, XLSX; 20 MB)',
        config: { audience: 'staff' },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        await svc.assertCanAddEvidence(actor, req.params.id);
        const upload = await readUpload(req);
        return reply.status(201).send(await svc.addEvidence(actor, req.params.id, upload));
      },
    );

    route(
      app,
      'POST /api/follow-ups/{id}/acceptance',
      {
        tags,
        summary: 'Accept a done follow-up, or return it to in progress with a note (secretariat)',
        config: { audience: 'staff' },
      },
      async (req) => svc.decide(requireActor(req), req.params.id, req.body),
    );
  };
