import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../http/context.js';
import { etag, expectedVersion } from '../../http/versioning.js';
import { route } from '../../http/route.js';
import { assertMonitoringAccess } from '../indicators/indicators.service.js';
import { attachmentDisposition, readUpload } from '../files/files.service.js';
import type { ReportingRoundsService } from './reporting-rounds.service.js';

const tags = ['reporting-rounds'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const reportingRoundsRoutes =
  (svc: ReportingRoundsService): FastifyPluginAsyncZod =>
  async (app) => {
    // every route here needs a logged-in, non-enterprise user (encapsulated: applies to this plugin's routes only)
    app.addHook('preHandler', async (req) => {
      assertMonitoringAccess(requireActor(req));
    });

    route(
      app,
      'GET /api/reporting-rounds',
      {
        tags,
        summary: 'Reporting rounds with timeliness counts (unit accounts: the rounds that ask them)',
        config: { audience: 'staff' },
      },
      async (req) => svc.listRounds(requireActor(req), req.query),
    );

    route(
      app,
      'POST /api/reporting-rounds',
      {
        tags,
        summary: 'Open a reporting round: one report per responsible unit (secretariat)',
        config: { audience: 'staff', idempotent: true },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        return reply.status(201).send(await svc.getRound(actor, await svc.createRound(actor, req.body)));
      },
    );

    route(
      app,
      'GET /api/reporting-rounds/{id}',
      { tags, summary: "A round with each unit's report status and timeliness", config: { audience: 'staff' } },
      async (req) => svc.getRound(requireActor(req), req.params.id),
    );

    route(
      app,
      'PATCH /api/reporting-rounds/{id}',
      {
        tags,
        summary: 'Close or reopen a round (secretariat); a closed round sends no reminders',
        config: { audience: 'staff' },
      },
      async (req) => svc.setRoundStatus(requireActor(req), req.params.id, req.body.status),
    );

    route(
      app,
      'GET /api/unit-reports',
      {
        tags,
        summary:
          'Unit reports across rounds by status, oldest due first (unit accounts: their own): approval and revision queues',
        config: { audience: 'staff' },
      },
      async (req) => svc.listReports(requireActor(req), req.query),
    );

    route(
      app,
      'GET /api/reporting-reminders',
      { tags, summary: 'Units whose report is due within 7 days or overdue', config: { audience: 'staff' } },
      async (req) => svc.reminders(requireActor(req), req.query.programId),
    );

    route(
      app,
      'GET /api/reporting-rounds/{id}/reports/{orgUnitId}',
      {
        tags,
        summary: "A unit's report: indicator values, task progress, narrative, history",
        config: { audience: 'staff' },
      },
      async (req, reply) => {
        const d = await svc.detail(requireActor(req), req.params.id, req.params.orgUnitId);
        etag(reply, d.version);
        return d;
      },
    );

    route(
      app,
      'PUT /api/reporting-rounds/{id}/reports/{orgUnitId}',
      {
        tags,
        summary: 'Save the draft (the unit itself, or the secretariat); 409 once submitted or approved',
        config: { audience: 'staff' },
      },
      async (req, reply) => {
        const version = expectedVersion(req, req.body.version);
        const d = await svc.save(requireActor(req), req.params.id, req.params.orgUnitId, req.body, 'save', version);
        etag(reply, d.version);
        return d;
      },
    );

    route(
      app,
      'POST /api/reporting-rounds/{id}/reports/{orgUnitId}/submit',
      {
        tags,
        summary: 'Submit the report for approval (the secretariat may give the day a paper report was received)',
        config: { audience: 'staff' },
      },
      async (req) => svc.submit(requireActor(req), req.params.id, req.params.orgUnitId, req.body ?? {}),
    );

    route(
      app,
      'POST /api/reporting-rounds/{id}/reports/{orgUnitId}/review',
      { tags, summary: 'Approve, or return with a comment (secretariat)', config: { audience: 'staff' } },
      async (req) => svc.review(requireActor(req), req.params.id, req.params.orgUnitId, req.body),
    );

    route(
      app,
      'POST /api/reporting-rounds/{id}/reports/{orgUnitId}/revisions',
      {
        tags,
        summary: 'Change an approved report: a new revision with a reason, the earlier kept',
        config: { audience: 'staff' },
      },
      async (req, reply) => {
        const version = expectedVersion(req, req.body.version);
        const d = await svc.revise(requireActor(req), req.params.id, req.params.orgUnitId, req.body, version);
        etag(reply, d.version);
        return d;
      },
    );

    route(
      app,
      'GET /api/reporting-rounds/{id}/reports/{orgUnitId}/template.xlsx',
      { tags, summary: 'The report as an Excel template to fill offline', config: { audience: 'staff' } },
      async (req, reply) => {
        const { detail, body } = await svc.template(requireActor(req), req.params.id, req.params.orgUnitId);
        return reply
          .header('content-type', XLSX)
          .header(
            'content-disposition',
            attachmentDisposition(`Bao-cao-${detail.round.period.replace('/', '-')}-${detail.orgUnit.name}.xlsx`),
          )
          .send(body);
      },
    );

    route(
      app,
      'POST /api/reporting-rounds/{id}/reports/{orgUnitId}/import.xlsx',
      {
        tags,
        summary: 'Upload a filled template (multipart field "file"): all cells checked, nothing written on any error',
        config: { audience: 'staff' },
      },
      async (req) => {
        const actor = requireActor(req);
        svc.assertCanEdit(actor, req.params.orgUnitId);
        // a workbook replaces what it holds: If-Match is honoured when sent, not required
        const version = req.headers['if-match'] === undefined ? null : expectedVersion(req);
        return svc.importXlsx(actor, req.params.id, req.params.orgUnitId, await readUpload(req), version);
      },
    );

    route(
      app,
      'POST /api/reporting-rounds/{id}/reports/{orgUnitId}/evidence',
      { tags, summary: 'Upload evidence for the report (multipart field "file")', config: { audience: 'staff' } },
      async (req, reply) => {
        const actor = requireActor(req);
        svc.assertCanEdit(actor, req.params.orgUnitId);
        return reply
          .status(201)
          .send(await svc.addEvidence(actor, req.params.id, req.params.orgUnitId, await readUpload(req)));
      },
    );

    route(
      app,
      'GET /api/reporting-rounds/{id}/reports/{orgUnitId}/values/{indicatorId}/evidence',
      { tags, summary: 'Evidence attached to one indicator value of the report', config: { audience: 'staff' } },
      async (req) =>
        svc.listValueEvidence(requireActor(req), req.params.id, req.params.orgUnitId, req.params.indicatorId),
    );

    route(
      app,
      'POST /api/reporting-rounds/{id}/reports/{orgUnitId}/values/{indicatorId}/evidence',
      {
        tags,
        summary:
          'Attach evidence to one indicator value (multipart field "file"; the owning unit, while the report is a draft or returned)',
        config: { audience: 'staff' },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        svc.assertCanAttachValueEvidence(actor, req.params.orgUnitId);
        const { id, orgUnitId, indicatorId } = req.params;
        return reply
          .status(201)
          .send(await svc.addValueEvidence(actor, id, orgUnitId, indicatorId, await readUpload(req)));
      },
    );

    route(
      app,
      'GET /api/monitoring-files/{id}',
      { tags, summary: 'Download a monitoring evidence file', config: { audience: 'staff' } },
      async (req, reply) => {
        const { attachment, data } = await svc.download(requireActor(req), req.params.id);
        return reply
          .header('content-type', attachment.mimeType)
          .header('content-disposition', attachmentDisposition(attachment.fileName))
          .header('x-content-type-options', 'nosniff')
          .send(data);
      },
    );
  };
