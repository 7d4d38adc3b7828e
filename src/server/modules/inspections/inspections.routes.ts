import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../http/context.js';
import { etag, expectedVersion } from '../../http/versioning.js';
import { route } from '../../http/route.js';
import { attachmentDisposition, readUpload } from '../files/files.service.js';
import type { InspectionsService } from './inspections.service.js';
import { requestOrigin } from '../../http/origin.js';

const tags = ['inspections'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const PDF = 'application/pdf';

export const inspectionsRoutes =
  (svc: InspectionsService): FastifyPluginAsyncZod =>
  async (app) => {
    route(
      app,
      'GET /api/inspections',
      { tags, summary: 'Inspections (a unit sees only its own)', config: { audience: 'staff' } },
      async (req) => svc.list(requireActor(req), req.query),
    );

    route(
      app,
      'GET /api/inspections/{id}',
      { tags, summary: 'The inspection workspace', config: { audience: 'staff' } },
      async (req, reply) => {
        const d = await svc.get(requireActor(req), req.params.id);
        etag(reply, d.version);
        return d;
      },
    );

    route(
      app,
      'PUT /api/inspections/{id}/assessments/{contentAreaId}',
      {
        tags,
        summary: 'Rate and annotate one content area (version: the one read, 0 when never assessed)',
        config: { audience: 'staff' },
      },
      async (req, reply) => {
        const { version, ...input } = req.body;
        const { id, contentAreaId } = req.params;
        const out = await svc.saveAssessment(
          requireActor(req),
          id,
          contentAreaId,
          input,
          expectedVersion(req, version),
        );
        etag(reply, out.version);
        return out;
      },
    );

    route(
      app,
      'POST /api/inspections/{id}/assessments/{contentAreaId}/evidence',
      {
        tags,
        summary: 'Upload an evidence file (multipart field "file"; PDF, images, DOCX, XLSX; 20 MB)',
        config: { audience: 'staff' },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        const upload = await readUpload(req);
        return reply.status(201).send(await svc.addEvidence(actor, req.params.id, req.params.contentAreaId, upload));
      },
    );

    route(
      app,
      'DELETE /api/attachments/{id}',
      { tags, summary: 'Remove an evidence file while the inspection is editable', config: { audience: 'staff' } },
      async (req) => {
        await svc.deleteAttachment(requireActor(req), req.params.id);
        return { ok: true as const };
      },
    );

    route(
      app,
      'POST /api/inspections/{id}/findings',
      { tags, summary: 'Add a finding', config: { audience: 'staff', idempotent: true } },
      async (req, reply) => reply.status(201).send(await svc.createFinding(requireActor(req), req.params.id, req.body)),
    );

    route(
      app,
      'PATCH /api/findings/{id}',
      { tags, summary: 'Change a draft finding', config: { audience: 'staff' } },
      async (req, reply) => {
        const { version, ...patch } = req.body;
        const out = await svc.updateFinding(requireActor(req), req.params.id, patch, expectedVersion(req, version));
        etag(reply, out.version);
        return out;
      },
    );

    route(
      app,
      'DELETE /api/findings/{id}',
      { tags, summary: 'Delete a draft finding', config: { audience: 'staff' } },
      async (req) => {
        await svc.deleteFinding(requireActor(req), req.params.id);
        return { ok: true as const };
      },
    );

    route(
      app,
      'POST /api/inspections/{id}/transitions',
      { tags, summary: 'Move the inspection along its lifecycle', config: { audience: 'staff' } },
      async (req, reply) => {
        const actor = requireActor(req);
        await svc.transition(actor, req.params.id, req.body.to, req.body.reason);
        // the lifecycle guards a move by its `from` status, not a version; the move itself bumps the version
        const d = await svc.get(actor, req.params.id);
        etag(reply, d.version);
        return d;
      },
    );

    route(
      app,
      'POST /api/inspections/{id}/responses',
      {
        tags,
        summary: 'The inspected unit answers the draft conclusion',
        config: { audience: 'staff', idempotent: true },
      },
      async (req, reply) => reply.status(201).send(await svc.respond(requireActor(req), req.params.id, req.body)),
    );

    route(
      app,
      'POST /api/inspections/{id}/conclusion',
      {
        tags,
        summary: 'Issue the numbered conclusion (from drafting)',
        config: { audience: 'staff', idempotent: true },
      },
      async (req, reply) =>
        reply.status(201).send(await svc.issue(requireActor(req), req.params.id, req.body, requestOrigin(req))),
    );

    route(
      app,
      'POST /api/inspections/{id}/conclusion/corrections',
      {
        tags,
        summary: 'Issue a corrected conclusion: a new numbered version citing the previous one',
        config: { audience: 'staff', idempotent: true },
      },
      async (req, reply) =>
        reply.status(201).send(await svc.correct(requireActor(req), req.params.id, req.body, requestOrigin(req))),
    );

    route(
      app,
      'GET /api/inspections/{id}/conclusion.docx',
      {
        tags,
        summary: 'The conclusion as Word (the latest or ?version=N; the draft while drafting)',
        config: { audience: 'staff' },
      },
      async (req, reply) => {
        const { data, fileName } = await svc.conclusionDocx(
          requireActor(req),
          req.params.id,
          req.query.version,
          requestOrigin(req),
        );
        return reply
          .header('content-type', DOCX)
          .header('content-disposition', attachmentDisposition(fileName))
          .send(data);
      },
    );

    route(
      app,
      'GET /api/inspections/{id}/conclusion.pdf',
      {
        tags,
        summary:
          'An issued conclusion as PDF (the latest or ?version=N), signed when SIGNING_P12 is set; made on first request and kept. 503 PDF_CONVERTER_MISSING without a converter',
        config: { audience: 'staff' },
      },
      async (req, reply) => {
        const { data, fileName, sha256 } = await svc.conclusionPdf(
          requireActor(req),
          req.params.id,
          req.query.version,
          requestOrigin(req),
        );
        return reply
          .header('content-type', PDF)
          .header('content-disposition', attachmentDisposition(fileName))
          .header('x-content-sha256', sha256)
          .send(data);
      },
    );
  };
