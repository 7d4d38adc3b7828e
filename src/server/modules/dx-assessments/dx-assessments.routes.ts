import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  answersPatchInput,
  assessmentDetail,
  assessmentItem,
  assessmentListQuery,
  assessmentReport,
  assessmentStartInput,
  questionEvidenceParams,
  rescoreInput,
  rescoreResult,
  returnInput,
  verifyInput,
} from '../../../shared/contracts/dx-assessments.js';
import { idParams, pageOf } from '../../../shared/fields.js';
import { requireActor } from '../../http/context.js';
import { attachmentDisposition, readUpload } from '../files/files.service.js';
import { assessmentReportDocx } from './assessment-docx.js';
import type { DxAssessmentsService } from './dx-assessments.service.js';

const tags = ['dx-assessments'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const dxAssessmentsRoutes =
  (svc: DxAssessmentsService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/dx/assessments',
      {
        config: { audience: ['staff', 'enterprise'] },
        schema: {
          tags,
          summary: 'Assessments (an enterprise account: its own)',
          querystring: assessmentListQuery,
          response: { 200: pageOf(assessmentItem) },
        },
      },
      async (req) => svc.list(requireActor(req), req.query),
    );

    app.post(
      '/api/dx/assessments',
      {
        config: { audience: ['staff', 'enterprise'], idempotent: true },
        schema: {
          tags,
          summary:
            'Start an assessment for a year on the newest published framework version (one per enterprise, version and year)',
          body: assessmentStartInput,
          response: { 201: assessmentDetail },
        },
      },
      async (req, reply) => reply.status(201).send(await svc.start(requireActor(req), req.body)),
    );

    app.get(
      '/api/dx/assessments/:id',
      {
        config: { audience: ['staff', 'enterprise'] },
        schema: {
          tags,
          summary: 'One assessment with answers, progress per pillar and, once submitted, its frozen score snapshot',
          params: idParams,
          response: { 200: assessmentDetail },
        },
      },
      async (req) => svc.get(requireActor(req), req.params.id),
    );

    app.patch(
      '/api/dx/assessments/:id/answers',
      {
        config: { audience: ['staff', 'enterprise'] },
        schema: {
          tags,
          summary:
            'Merge answers ({ code: value }; null clears); other answers are kept, so respondents on different pillars never overwrite each other. With versions ({ code: version read }), a question changed since is refused: 409 STALE_VERSION with details.questions',
          params: idParams,
          body: answersPatchInput,
          response: { 200: assessmentDetail },
        },
      },
      async (req) => svc.saveAnswers(requireActor(req), req.params.id, req.body.answers, req.body.versions),
    );

    app.post(
      '/api/dx/assessments/:id/submit',
      {
        config: { audience: ['staff', 'enterprise'] },
        schema: {
          tags,
          summary: 'Submit: required questions checked, score snapshot frozen, analytics updated',
          params: idParams,
          response: { 200: assessmentDetail },
        },
      },
      async (req) => svc.submit(requireActor(req), req.params.id),
    );

    app.post(
      '/api/dx/assessments/:id/verify',
      {
        config: { audience: ['staff', 'enterprise'] },
        schema: {
          tags,
          summary: 'Verify a submitted assessment (secretariat)',
          params: idParams,
          body: verifyInput,
          response: { 200: assessmentDetail },
        },
      },
      async (req) => svc.verify(requireActor(req), req.params.id, req.body.comment),
    );

    app.post(
      '/api/dx/assessments/:id/return',
      {
        config: { audience: ['staff', 'enterprise'] },
        schema: {
          tags,
          summary:
            'Return an assessment to the enterprise with a comment (secretariat); it leaves the analytics until resubmitted',
          params: idParams,
          body: returnInput,
          response: { 200: assessmentDetail },
        },
      },
      async (req) => svc.returnToEnterprise(requireActor(req), req.params.id, req.body.comment),
    );

    app.post(
      '/api/dx/assessments/:id/rescore',
      {
        config: { audience: ['staff', 'enterprise'] },
        schema: {
          tags,
          summary: 'Move the assessment onto a newer published version and score it again (explicit)',
          params: idParams,
          body: rescoreInput,
          response: { 200: rescoreResult },
        },
      },
      async (req) => svc.rescore(requireActor(req), req.params.id, req.body.version),
    );

    const evidenceParams = questionEvidenceParams;
    app.post(
      '/api/dx/assessments/:id/evidence/:questionCode',
      {
        config: { audience: ['staff', 'enterprise'] },
        schema: {
          tags,
          summary:
            'Upload the evidence file answering a file question (multipart field "file"; PDF, images, DOCX, XLSX; 20 MB)',
          consumes: ['multipart/form-data'],
          params: evidenceParams,
          response: { 200: assessmentDetail },
        },
      },
      async (req) =>
        svc.uploadEvidence(requireActor(req), req.params.id, req.params.questionCode, await readUpload(req)),
    );

    app.get(
      '/api/dx/assessments/:id/evidence/:questionCode',
      {
        config: { audience: ['staff', 'enterprise'] },
        schema: { tags, summary: 'Download the evidence file of a file question', params: evidenceParams },
      },
      async (req, reply) => {
        const f = await svc.evidence(requireActor(req), req.params.id, req.params.questionCode);
        return reply
          .header('content-type', f.mimeType)
          .header('content-disposition', attachmentDisposition(f.fileName))
          .send(f.data);
      },
    );

    app.get(
      '/api/dx/assessments/:id/report',
      {
        config: { audience: ['staff', 'enterprise'] },
        schema: {
          tags,
          summary:
            'The enterprise report: levels, pillars, a band against peers (submitted, ≥ k others), answers that would raise the level, recommendations',
          params: idParams,
          response: { 200: assessmentReport },
        },
      },
      async (req) => svc.report(requireActor(req), req.params.id),
    );

    app.get(
      '/api/dx/assessments/:id/report.docx',
      {
        config: { audience: ['staff', 'enterprise'] },
        schema: { tags, summary: 'The enterprise report as Word (Vietnamese)', params: idParams },
      },
      async (req, reply) => {
        const report = await svc.report(requireActor(req), req.params.id);
        const data = await assessmentReportDocx(report);
        const fileName = `Bao-cao-chuyen-doi-so-${report.assessment.enterprise.taxCode}-${report.assessment.year}.docx`;
        return reply
          .header('content-type', DOCX)
          .header('content-disposition', attachmentDisposition(fileName))
          .send(data);
      },
    );
  };
