import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../http/context.js';
import { route } from '../../http/route.js';
import { attachmentDisposition, readUpload } from '../files/files.service.js';
import type { DxAssessmentsService } from './dx-assessments.service.js';

const tags = ['dx-assessments'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const dxAssessmentsRoutes =
  (svc: DxAssessmentsService): FastifyPluginAsyncZod =>
  async (app) => {
    route(
      app,
      'GET /api/dx/assessments',
      { tags, summary: 'Assessments (an enterprise account: its own)', config: { audience: ['staff', 'enterprise'] } },
      async (req) => svc.list(requireActor(req), req.query),
    );

    route(
      app,
      'POST /api/dx/assessments',
      {
        tags,
        summary:
          'Start an assessment for a year on the newest published framework version (one per enterprise, version and year)',
        config: { audience: ['staff', 'enterprise'], idempotent: true },
      },
      async (req, reply) => reply.status(201).send(await svc.start(requireActor(req), req.body)),
    );

    route(
      app,
      'GET /api/dx/assessments/{id}',
      {
        tags,
        summary: 'One assessment with answers, progress per pillar and, once submitted, its frozen score snapshot',
        config: { audience: ['staff', 'enterprise'] },
      },
      async (req) => svc.get(requireActor(req), req.params.id),
    );

    route(
      app,
      'PATCH /api/dx/assessments/{id}/answers',
      {
        tags,
        summary:
          'Merge answers ({ code: value }; null clears); other answers are kept, so respondents on different pillars never overwrite each other. With versions ({ code: version read }), a question changed since is refused: 409 STALE_VERSION with details.questions',
        config: { audience: ['staff', 'enterprise'] },
      },
      async (req) => svc.saveAnswers(requireActor(req), req.params.id, req.body.answers, req.body.versions),
    );

    route(
      app,
      'POST /api/dx/assessments/{id}/submit',
      {
        tags,
        summary: 'Submit: required questions checked, score snapshot frozen, analytics updated',
        config: { audience: ['staff', 'enterprise'] },
      },
      async (req) => svc.submit(requireActor(req), req.params.id),
    );

    route(
      app,
      'POST /api/dx/assessments/{id}/verify',
      { tags, summary: 'Verify a submitted assessment (secretariat)', config: { audience: ['staff', 'enterprise'] } },
      async (req) => svc.verify(requireActor(req), req.params.id, req.body.comment),
    );

    route(
      app,
      'POST /api/dx/assessments/{id}/return',
      {
        tags,
        summary:
          'Return an assessment to the enterprise with a comment (secretariat); it leaves the analytics until resubmitted',
        config: { audience: ['staff', 'enterprise'] },
      },
      async (req) => svc.returnToEnterprise(requireActor(req), req.params.id, req.body.comment),
    );

    route(
      app,
      'POST /api/dx/assessments/{id}/rescore',
      {
        tags,
        summary: 'Move the assessment onto a newer published version and score it again (explicit)',
        config: { audience: ['staff', 'enterprise'] },
      },
      async (req) => svc.rescore(requireActor(req), req.params.id, req.body.version),
    );

    route(
      app,
      'POST /api/dx/assessments/{id}/evidence/{questionCode}',
      {
        tags,
        summary:
          'Upload the evidence file answering a file question (multipart field "file"; PDF, images, DOCX, XLSX; 20 MB)',
        config: { audience: ['staff', 'enterprise'] },
      },
      async (req) =>
        svc.uploadEvidence(requireActor(req), req.params.id, req.params.questionCode, await readUpload(req)),
    );

    route(
      app,
      'GET /api/dx/assessments/{id}/evidence/{questionCode}',
      { tags, summary: 'Download the evidence file of a file question', config: { audience: ['staff', 'enterprise'] } },
      async (req, reply) => {
        const f = await svc.evidence(requireActor(req), req.params.id, req.params.questionCode);
        return reply
          .header('content-type', f.mimeType)
          .header('content-disposition', attachmentDisposition(f.fileName))
          .send(f.data);
      },
    );

    route(
      app,
      'GET /api/dx/assessments/{id}/report',
      {
        tags,
        summary:
          'The enterprise report: levels, pillars, a band against peers (submitted, ≥ k others), answers that would raise the level, recommendations',
        config: { audience: ['staff', 'enterprise'] },
      },
      async (req) => svc.report(requireActor(req), req.params.id),
    );

    route(
      app,
      'GET /api/dx/assessments/{id}/report.docx',
      { tags, summary: 'The enterprise report as Word (Vietnamese)', config: { audience: ['staff', 'enterprise'] } },
      async (req, reply) => {
        // a verified assessment's report is the one issued at its verification (its code in the footer)
        const { report, body: data } = await svc.reportDocx(requireActor(req), req.params.id);
        const fileName = `Bao-cao-chuyen-doi-so-${report.assessment.enterprise.taxCode}-${report.assessment.year}.docx`;
        return reply
          .header('content-type', DOCX)
          .header('content-disposition', attachmentDisposition(fileName))
          .send(data);
      },
    );
  };
