import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  followUpAcceptanceInput,
  followUpDetail,
  followUpItem,
  followUpListQuery,
  followUpUpdateInput,
} from '../../../shared/contracts/follow-ups.js';
import { idParams, pageOf } from '../../../shared/fields.js';
import { requireActor } from '../../http/context.js';
import { readUpload } from '../files/files.service.js';
import type { FollowUpsService } from './follow-ups.service.js';

const tags = ['follow-ups'];

export const followUpsRoutes =
  (svc: FollowUpsService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/follow-ups',
      {
        config: { audience: 'staff' },
        schema: {
          tags,
          summary: 'Follow-ups of issued conclusions (unit accounts: their own); overdue computed from today',
          querystring: followUpListQuery,
          response: { 200: pageOf(followUpItem) },
        },
      },
      async (req) => svc.list(requireActor(req), req.query),
    );

    app.get(
      '/api/follow-ups/:id',
      {
        config: { audience: 'staff' },
        schema: {
          tags,
          summary: 'One follow-up with its history and evidence',
          params: idParams,
          response: { 200: followUpDetail },
        },
      },
      async (req) => svc.get(requireActor(req), req.params.id),
    );

    app.post(
      '/api/follow-ups/:id/updates',
      {
        config: { audience: 'staff', idempotent: true },
        schema: {
          tags,
          summary: 'Report progress (addressee unit or secretariat)',
          params: idParams,
          body: followUpUpdateInput,
          response: { 200: followUpDetail },
        },
      },
      async (req) => svc.report(requireActor(req), req.params.id, req.body),
    );

    app.post(
      '/api/follow-ups/:id/evidence',
      {
        config: { audience: 'staff' },
        schema: {
          tags,
          summary: 'Upload evidence of progress (multipart field "file"; PDF, images, DOCX, XLSX; 20 MB)',
          consumes: ['multipart/form-data'],
          params: idParams,
          response: { 201: followUpDetail },
        },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        await svc.assertCanAddEvidence(actor, req.params.id);
        const upload = await readUpload(req);
        return reply.status(201).send(await svc.addEvidence(actor, req.params.id, upload));
      },
    );

    app.post(
      '/api/follow-ups/:id/acceptance',
      {
        config: { audience: 'staff' },
        schema: {
          tags,
          summary: 'Accept a done follow-up, or return it to in progress with a note (secretariat)',
          params: idParams,
          body: followUpAcceptanceInput,
          response: { 200: followUpDetail },
        },
      },
      async (req) => svc.decide(requireActor(req), req.params.id, req.body),
    );
  };
