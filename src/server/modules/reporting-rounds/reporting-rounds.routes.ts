import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  reportDetail,
  reportListItem,
  reportListQuery,
  reportParams,
  reportReviewInput,
  reportRevisionInput,
  reportSaveInput,
  reportSubmitBody,
  round,
  roundDetail,
  roundInput,
  roundListQuery,
  roundPatch,
  valueEvidenceParams,
} from '../../../shared/contracts/reporting-rounds.js';
import { monitoringFile } from '../../../shared/contracts/program-tasks.js';
import { programFilterQuery, reminder } from '../../../shared/contracts/monitoring.js';
import { idParams, pageOf } from '../../../shared/fields.js';
import { z } from 'zod';
import { requireActor } from '../../http/context.js';
import { etag, expectedVersion } from '../../http/versioning.js';
import { assertMonitoringAccess } from '../indicators/indicators.service.js';
import { attachmentDisposition, readUpload } from '../files/files.service.js';
import type { ReportingRoundsService } from './reporting-rounds.service.js';

const tags = ['reporting-rounds'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const base = '/api/reporting-rounds/:id/reports/:orgUnitId';

export const reportingRoundsRoutes =
  (svc: ReportingRoundsService): FastifyPluginAsyncZod =>
  async (app) => {
    // every route here needs a logged-in, non-enterprise user (encapsulated: applies to this plugin's routes only)
    app.addHook('preHandler', async (req) => {
      assertMonitoringAccess(requireActor(req));
    });

    app.get(
      '/api/reporting-rounds',
      {
        config: { audience: 'staff' },
        schema: {
          tags,
          summary: 'Reporting rounds with timeliness counts (unit accounts: the rounds that ask them)',
          querystring: roundListQuery,
          response: { 200: pageOf(round) },
        },
      },
      async (req) => svc.listRounds(requireActor(req), req.query),
    );

    app.post(
      '/api/reporting-rounds',
      {
        config: { audience: 'staff', idempotent: true },
        schema: {
          tags,
          summary: 'Open a reporting round: one report per responsible unit (secretariat)',
          body: roundInput,
          response: { 201: roundDetail },
        },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        return reply.status(201).send(await svc.getRound(actor, await svc.createRound(actor, req.body)));
      },
    );

    app.get(
      '/api/reporting-rounds/:id',
      {
        config: { audience: 'staff' },
        schema: {
          tags,
          summary: "A round with each unit's report status and timeliness",
          params: idParams,
          response: { 200: roundDetail },
        },
      },
      async (req) => svc.getRound(requireActor(req), req.params.id),
    );

    app.patch(
      '/api/reporting-rounds/:id',
      {
        config: { audience: 'staff' },
        schema: {
          tags,
          summary: 'Close or reopen a round (secretariat); a closed round sends no reminders',
          params: idParams,
          body: roundPatch,
          response: { 200: roundDetail },
        },
      },
      async (req) => svc.setRoundStatus(requireActor(req), req.params.id, req.body.status),
    );

    app.get(
      '/api/unit-reports',
      {
        config: { audience: 'staff' },
        schema: {
          tags,
          summary:
            'Unit reports across rounds by status, oldest due first (unit accounts: their own): approval and revision queues',
          querystring: reportListQuery,
          response: { 200: pageOf(reportListItem) },
        },
      },
      async (req) => svc.listReports(requireActor(req), req.query),
    );

    app.get(
      '/api/reporting-reminders',
      {
        config: { audience: 'staff' },
        schema: {
          tags,
          summary: 'Units whose report is due within 7 days or overdue',
          querystring: programFilterQuery,
          response: { 200: z.array(reminder) },
        },
      },
      async (req) => svc.reminders(requireActor(req), req.query.programId),
    );

    app.get(
      base,
      {
        config: { audience: 'staff' },
        schema: {
          tags,
          summary: "A unit's report: indicator values, task progress, narrative, history",
          params: reportParams,
          response: { 200: reportDetail },
        },
      },
      async (req, reply) => {
        const d = await svc.detail(requireActor(req), req.params.id, req.params.orgUnitId);
        etag(reply, d.version);
        return d;
      },
    );

    app.put(
      base,
      {
        config: { audience: 'staff' },
        schema: {
          tags,
          summary: 'Save the draft (the unit itself, or the secretariat); 409 once submitted or approved',
          params: reportParams,
          body: reportSaveInput,
          response: { 200: reportDetail },
        },
      },
      async (req, reply) => {
        const version = expectedVersion(req, req.body.version);
        const d = await svc.save(requireActor(req), req.params.id, req.params.orgUnitId, req.body, 'save', version);
        etag(reply, d.version);
        return d;
      },
    );

    app.post(
      `${base}/submit`,
      {
        config: { audience: 'staff' },
        schema: {
          tags,
          summary: 'Submit the report for approval (the secretariat may give the day a paper report was received)',
          params: reportParams,
          body: reportSubmitBody,
          response: { 200: reportDetail },
        },
      },
      async (req) => svc.submit(requireActor(req), req.params.id, req.params.orgUnitId, req.body ?? {}),
    );

    app.post(
      `${base}/review`,
      {
        config: { audience: 'staff' },
        schema: {
          tags,
          summary: 'Approve, or return with a comment (secretariat)',
          params: reportParams,
          body: reportReviewInput,
          response: { 200: reportDetail },
        },
      },
      async (req) => svc.review(requireActor(req), req.params.id, req.params.orgUnitId, req.body),
    );

    app.post(
      `${base}/revisions`,
      {
        config: { audience: 'staff' },
        schema: {
          tags,
          summary: 'Change an approved report: a new revision with a reason, the earlier kept',
          params: reportParams,
          body: reportRevisionInput,
          response: { 200: reportDetail },
        },
      },
      async (req, reply) => {
        const version = expectedVersion(req, req.body.version);
        const d = await svc.revise(requireActor(req), req.params.id, req.params.orgUnitId, req.body, version);
        etag(reply, d.version);
        return d;
      },
    );

    app.get(
      `${base}/template.xlsx`,
      {
        config: { audience: 'staff' },
        schema: { tags, summary: 'The report as an Excel template to fill offline', params: reportParams },
      },
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

    app.post(
      `${base}/import.xlsx`,
      {
        config: { audience: 'staff' },
        schema: {
          tags,
          summary: 'Upload a filled template (multipart field "file"): all cells checked, nothing written on any error',
          consumes: ['multipart/form-data'],
          params: reportParams,
          response: { 200: reportDetail },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        svc.assertCanEdit(actor, req.params.orgUnitId);
        // a workbook replaces what it holds: If-Match is honoured when sent, not required
        const version = req.headers['if-match'] === undefined ? null : expectedVersion(req);
        return svc.importXlsx(actor, req.params.id, req.params.orgUnitId, await readUpload(req), version);
      },
    );

    app.post(
      `${base}/evidence`,
      {
        config: { audience: 'staff' },
        schema: {
          tags,
          summary: 'Upload evidence for the report (multipart field "file")',
          consumes: ['multipart/form-data'],
          params: reportParams,
          response: { 201: reportDetail },
        },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        svc.assertCanEdit(actor, req.params.orgUnitId);
        return reply
          .status(201)
          .send(await svc.addEvidence(actor, req.params.id, req.params.orgUnitId, await readUpload(req)));
      },
    );

    app.get(
      `${base}/values/:indicatorId/evidence`,
      {
        config: { audience: 'staff' },
        schema: {
          tags,
          summary: 'Evidence attached to one indicator value of the report',
          params: valueEvidenceParams,
          response: { 200: z.array(monitoringFile) },
        },
      },
      async (req) =>
        svc.listValueEvidence(requireActor(req), req.params.id, req.params.orgUnitId, req.params.indicatorId),
    );

    app.post(
      `${base}/values/:indicatorId/evidence`,
      {
        config: { audience: 'staff' },
        schema: {
          tags,
          summary:
            'Attach evidence to one indicator value (multipart field "file"; the owning unit, while the report is a draft or returned)',
          consumes: ['multipart/form-data'],
          params: valueEvidenceParams,
          response: { 201: z.array(monitoringFile) },
        },
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

    app.get(
      '/api/monitoring-files/:id',
      {
        config: { audience: 'staff' },
        schema: { tags, summary: 'Download a monitoring evidence file', params: idParams },
      },
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
