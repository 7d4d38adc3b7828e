import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  conclusionDocxQuery,
  correctionInput,
  issuedConclusion,
  issueInput,
} from '../../../shared/contracts/conclusions.js';
import { finding, findingInput, findingPatch } from '../../../shared/contracts/findings.js';
import {
  assessmentInput,
  assessmentParams,
  attachment,
  inspectionDetail,
  inspectionListItem,
  inspectionListQuery,
  inspectionResponse,
  responseInput,
  savedAssessment,
  transitionInput,
} from '../../../shared/contracts/inspections.js';
import { idParams, okResponse, pageOf } from '../../../shared/fields.js';
import { requireActor } from '../../http/context.js';
import { etag, expectedVersion } from '../../http/versioning.js';
import { attachmentDisposition, readUpload } from '../files/files.service.js';
import type { InspectionsService } from './inspections.service.js';

const tags = ['inspections'];
const issued = issuedConclusion;
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const inspectionsRoutes =
  (svc: InspectionsService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/inspections',
      {
        config: { audience: 'staff' },
        schema: {
          tags,
          summary: 'Inspections (a unit sees only its own)',
          querystring: inspectionListQuery,
          response: { 200: pageOf(inspectionListItem) },
        },
      },
      async (req) => svc.list(requireActor(req), req.query),
    );

    app.get(
      '/api/inspections/:id',
      {
        config: { audience: 'staff' },
        schema: { tags, summary: 'The inspection workspace', params: idParams, response: { 200: inspectionDetail } },
      },
      async (req) => svc.get(requireActor(req), req.params.id),
    );

    app.put(
      '/api/inspections/:id/assessments/:contentAreaId',
      {
        config: { audience: 'staff' },
        schema: {
          tags,
          summary: 'Rate and annotate one content area',
          params: assessmentParams,
          body: assessmentInput,
          response: {
            200: savedAssessment,
          },
        },
      },
      async (req) => svc.saveAssessment(requireActor(req), req.params.id, req.params.contentAreaId, req.body),
    );

    app.post(
      '/api/inspections/:id/assessments/:contentAreaId/evidence',
      {
        config: { audience: 'staff' },
        schema: {
          tags,
          summary: 'Upload an evidence file (multipart field "file"; PDF, images, DOCX, XLSX; 20 MB)',
          consumes: ['multipart/form-data'],
          params: assessmentParams,
          response: { 201: attachment },
        },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        const upload = await readUpload(req);
        return reply.status(201).send(await svc.addEvidence(actor, req.params.id, req.params.contentAreaId, upload));
      },
    );

    app.delete(
      '/api/attachments/:id',
      {
        config: { audience: 'staff' },
        schema: {
          tags,
          summary: 'Remove an evidence file while the inspection is editable',
          params: idParams,
          response: { 200: okResponse },
        },
      },
      async (req) => {
        await svc.deleteAttachment(requireActor(req), req.params.id);
        return { ok: true as const };
      },
    );

    app.post(
      '/api/inspections/:id/findings',
      {
        config: { audience: 'staff', idempotent: true },
        schema: { tags, summary: 'Add a finding', params: idParams, body: findingInput, response: { 201: finding } },
      },
      async (req, reply) => reply.status(201).send(await svc.createFinding(requireActor(req), req.params.id, req.body)),
    );

    app.patch(
      '/api/findings/:id',
      {
        config: { audience: 'staff' },
        schema: {
          tags,
          summary: 'Change a draft finding',
          params: idParams,
          body: findingPatch,
          response: { 200: finding },
        },
      },
      async (req, reply) => {
        const { version, ...patch } = req.body;
        const out = await svc.updateFinding(requireActor(req), req.params.id, patch, expectedVersion(req, version));
        etag(reply, out.version);
        return out;
      },
    );

    app.delete(
      '/api/findings/:id',
      {
        config: { audience: 'staff' },
        schema: { tags, summary: 'Delete a draft finding', params: idParams, response: { 200: okResponse } },
      },
      async (req) => {
        await svc.deleteFinding(requireActor(req), req.params.id);
        return { ok: true as const };
      },
    );

    app.post(
      '/api/inspections/:id/transitions',
      {
        config: { audience: 'staff' },
        schema: {
          tags,
          summary: 'Move the inspection along its lifecycle',
          params: idParams,
          body: transitionInput,
          response: { 200: inspectionDetail },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        await svc.transition(actor, req.params.id, req.body.to, req.body.reason);
        return svc.get(actor, req.params.id);
      },
    );

    app.post(
      '/api/inspections/:id/responses',
      {
        config: { audience: 'staff', idempotent: true },
        schema: {
          tags,
          summary: 'The inspected unit answers the draft conclusion',
          params: idParams,
          body: responseInput,
          response: {
            201: inspectionResponse,
          },
        },
      },
      async (req, reply) => reply.status(201).send(await svc.respond(requireActor(req), req.params.id, req.body)),
    );

    app.post(
      '/api/inspections/:id/conclusion',
      {
        config: { audience: 'staff', idempotent: true },
        schema: {
          tags,
          summary: 'Issue the numbered conclusion (from drafting)',
          params: idParams,
          body: issueInput,
          response: { 201: issued },
        },
      },
      async (req, reply) => reply.status(201).send(await svc.issue(requireActor(req), req.params.id, req.body)),
    );

    app.post(
      '/api/inspections/:id/conclusion/corrections',
      {
        config: { audience: 'staff', idempotent: true },
        schema: {
          tags,
          summary: 'Issue a corrected conclusion: a new numbered version citing the previous one',
          params: idParams,
          body: correctionInput,
          response: { 201: issued },
        },
      },
      async (req, reply) => reply.status(201).send(await svc.correct(requireActor(req), req.params.id, req.body)),
    );

    app.get(
      '/api/inspections/:id/conclusion.docx',
      {
        config: { audience: 'staff' },
        schema: {
          tags,
          summary: 'The conclusion as Word (the latest or ?version=N; the draft while drafting)',
          params: idParams,
          querystring: conclusionDocxQuery,
        },
      },
      async (req, reply) => {
        const { data, fileName } = await svc.conclusionDocx(requireActor(req), req.params.id, req.query.version);
        return reply
          .header('content-type', DOCX)
          .header('content-disposition', attachmentDisposition(fileName))
          .send(data);
      },
    );
  };
